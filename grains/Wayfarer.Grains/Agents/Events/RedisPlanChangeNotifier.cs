using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Wayfarer.Grains.Plans;

namespace Wayfarer.Grains.Agents.Events;

/// <summary>Publishes plan changes as <see cref="PlanEvent"/>s on the channel the API's plan event stream subscribes to
/// (<see cref="PlanEvent.Channel"/>), so a version made by a run reaches subscribers even when the request that
/// started the run is gone (a 202 answer, a closed stream, a run resumed on another silo).</summary>
internal sealed partial class RedisPlanChangeNotifier(Lazy<IConnectionMultiplexer> redis, string keyPrefix, TimeProvider timeProvider,
    ILogger<RedisPlanChangeNotifier> logger) : IPlanChangeNotifier
{
    public async Task NotifyAsync(string planId, string kind, int version)
    {
        try
        {
            var message = JsonSerializer.Serialize(new PlanEvent(planId, kind, version, timeProvider.GetUtcNow()), JsonSerializerOptions.Web);
            await redis.Value.GetSubscriber().PublishAsync(PlanEvent.Channel(keyPrefix, planId), message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, exception, planId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not publish the agents' change event for plan {PlanId}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string planId);
}
