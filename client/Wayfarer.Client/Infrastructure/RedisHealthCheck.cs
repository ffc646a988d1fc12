using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Ready only when Redis answers a PING.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (RedisException exception)
        {
            return HealthCheckResult.Unhealthy("Redis unreachable", exception);
        }
    }
}
