using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Ready only when PostgreSQL answers and the request role exists (row-level security depends on it).</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)");
            command.Parameters.AddWithValue(Database.RequestRole);
            return await command.ExecuteScalarAsync(cancellationToken) is true
                ? HealthCheckResult.Healthy("PostgreSQL reachable")
                : HealthCheckResult.Unhealthy($"Role {Database.RequestRole} is missing: create it (NOLOGIN) and grant it to the API's database user.");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL unreachable", exception);
        }
    }
}
