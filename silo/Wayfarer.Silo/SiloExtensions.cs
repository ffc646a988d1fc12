using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Ledger;
using Wayfarer.Grains.Memory;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Redis;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Silo;

/// <summary>The silo's registrations: defaults (logging, problem details, health, metrics) and the grain runtime with
/// its storage, chosen by configuration.</summary>
internal static class SiloExtensions
{
    /// <summary>Logging, problem details, health checks and the metrics exporter.</summary>
    public static WebApplicationBuilder AddSiloDefaults(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        else
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(new PrometheusMetrics());
        builder.Services.AddHealthChecks()
            .AddCheck<RuntimeHealthCheck>("runtime", tags: ["ready"])
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(90));
        return builder;
    }

    /// <summary>The grain runtime.
    /// <list type="bullet">
    /// <item>With <c>ConnectionStrings:Postgres</c>, state, reminders and agent memory live in PostgreSQL (migrations run at
    /// start when <c>Wayfarer:Storage:ApplyMigrations</c> is true); without it, in memory (development only: nothing
    /// survives a restart, and there is no agent memory).</item>
    /// <item>With <c>ConnectionStrings:Redis</c>, the silo joins a cluster: membership and grain directory in Redis, the
    /// cluster port from <c>Wayfarer:Endpoint</c>. Without it the silo runs alone.</item>
    /// </list></summary>
    public static WebApplicationBuilder AddSiloRuntime(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        var redis = builder.Configuration.GetConnectionString("Redis");
        builder.UseWayfarerSilo(silo =>
        {
            silo.AddGrainAssembly(typeof(Grains.Demo.CounterGrain).Assembly);
            if (!string.IsNullOrWhiteSpace(redis))
            {
                silo.UseRedisClustering(o => o.ConnectionString = redis)
                    .UseRedisGrainDirectory(o => o.ConnectionString = redis);
            }

            if (string.IsNullOrWhiteSpace(postgres))
            {
                silo.AddMemoryGrainStorageAsDefault().UseMemoryReminderTable();
                return;
            }

            silo.AddPostgresMigrations(o =>
                {
                    o.ConnectionString = postgres;
                    o.ApplyMigrations = builder.Configuration.GetValue("Wayfarer:Storage:ApplyMigrations", false);
                })
                .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = postgres)
                .UsePostgresReminderTable(o => o.ConnectionString = postgres)
                .AddWayfarerMemory(postgres)
                .AddWayfarerLedger(postgres)
                .AddWayfarerAgents();
        });
        return builder;
    }

    private sealed class RuntimeHealthCheck(IRuntimeDiagnostics diagnostics) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
            => Task.FromResult(HealthCheckResult.Healthy($"{diagnostics.ActivationCount} activations, {diagnostics.PendingCallCount} pending calls"));
    }

    private sealed class PostgresHealthCheck(IConfiguration configuration) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var connectionString = configuration.GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                return HealthCheckResult.Healthy("in-memory storage (development)");
            }

            try
            {
                await using var connection = new Npgsql.NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new Npgsql.NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy("PostgreSQL reachable");
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("PostgreSQL unreachable", exception);
            }
        }
    }
}
