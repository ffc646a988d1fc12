using Wayfarer.Grains.Users;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;

namespace Wayfarer.Client.Hosting;

/// <summary>How the API reaches grains: the one place to swap the in-process silo for the cluster client.</summary>
internal static class GrainClientExtensions
{
    /// <summary>Registers <see cref="Wayfarer.Runtime.IGrainFactory"/>. Until the cluster client exists, the API hosts the
    /// grain runtime in-process on PostgreSQL storage (<c>ConnectionStrings:Postgres</c>), applying migrations at start
    /// unless <c>Wayfarer:Storage:ApplyMigrations</c> is false.</summary>
    public static WebApplicationBuilder AddGrainAccess(this WebApplicationBuilder builder)
    {
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
            .UsePostgresReminderTable(o => o.ConnectionString = postgres));
        return builder;
    }
}
