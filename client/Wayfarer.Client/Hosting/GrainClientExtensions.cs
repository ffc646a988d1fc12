using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Ledger;
using Wayfarer.Grains.Memory;
using Wayfarer.Grains.Users;
using Wayfarer.Runtime.Client;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Client.Hosting;

/// <summary>How the API reaches grains, chosen by <c>Wayfarer:Api:GrainAccess</c>.</summary>
internal static class GrainClientExtensions
{
    /// <summary>Registers <see cref="Wayfarer.Runtime.IGrainFactory"/>.
    /// <list type="bullet">
    /// <item><c>Cluster</c> (the default): a cluster client that finds gateway silos in the Redis membership table
    /// (<c>ConnectionStrings:Redis</c>); the API front-end holds no grains and scales on its own.</item>
    /// <item><c>InProcess</c>: the API hosts the grain runtime itself on PostgreSQL storage (<c>ConnectionStrings:Postgres</c>),
    /// applying migrations at start unless <c>Wayfarer:Storage:ApplyMigrations</c> is false, with agent memory and semantic
    /// search (the <c>memory_embeddings</c> table of migration <c>0010</c>); for tests and single-process development.</item>
    /// </list></summary>
    public static WebApplicationBuilder AddGrainAccess(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Wayfarer:Api:GrainAccess"] ?? "Cluster";
        if (string.Equals(mode, "Cluster", StringComparison.OrdinalIgnoreCase))
        {
            var redis = builder.Configuration.GetConnectionString("Redis")
                ?? throw new InvalidOperationException("ConnectionStrings:Redis must be set: the cluster client finds its gateways there.");
            builder.UseWayfarerClient(client => client
                .UseRedisClustering(o => o.ConnectionString = redis)
                .UseRedisGrainDirectory(o => o.ConnectionString = redis));
            return builder;
        }

        if (!string.Equals(mode, "InProcess", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Wayfarer:Api:GrainAccess must be Cluster or InProcess, not '{mode}'.");
        }

        var postgres = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres must be set.");
        builder.UseWayfarerSilo(silo => silo
            .AddGrainAssembly(typeof(UserGrain).Assembly)
            .AddPostgresMigrations(o =>
            {
                o.ConnectionString = postgres;
                o.ApplyMigrations = builder.Configuration.GetValue("Wayfarer:Storage:ApplyMigrations", true);
            })
            .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = postgres)
            .UsePostgresReminderTable(o => o.ConnectionString = postgres)
            .AddWayfarerMemory(postgres)
            .AddWayfarerLedger(postgres)
            .AddWayfarerAgents());
        return builder;
    }
}
