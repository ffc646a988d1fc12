using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Ready only when a grain call completes (a read-only call to a user grain that never exists).</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private const string ProbeKey = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IUserGrain>(ProbeKey).Get().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy("Grain calls complete");
        }
        catch (Exception exception) when (exception is WayfarerException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Grain calls fail", exception);
        }
    }
}
