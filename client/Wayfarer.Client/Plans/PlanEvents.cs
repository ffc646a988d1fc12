using System.Text.Json;
using System.Threading.Channels;
using StackExchange.Redis;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Grains.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>Plan change notifications over Redis pub/sub, so a subscriber on any front-end instance sees changes made
/// through any other.</summary>
internal sealed partial class PlanEvents(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider time, ILogger<PlanEvents> logger)
{
    public async Task PublishAsync(string planId, string kind, int? version)
    {
        var message = JsonSerializer.Serialize(new PlanEvent(planId, kind, version, time.GetUtcNow()), JsonSerializerOptions.Web);
        try
        {
            await redis.GetSubscriber().PublishAsync(keys.PlanChannel(planId), message);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // The change itself is stored; only the live notification is lost, so the request still succeeds.
            LogPublishFailed(logger, exception, planId);
        }
    }

    /// <summary>Subscribes; the returned reader yields each event's JSON until the subscription is disposed.</summary>
    public async Task<PlanEventSubscription> SubscribeAsync(string planId)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest });
        var subscriber = redis.GetSubscriber();
        var name = keys.PlanChannel(planId);
        Action<RedisChannel, RedisValue> handler = (_, value) => channel.Writer.TryWrite(value.ToString());
        await subscriber.SubscribeAsync(name, handler);
        return new PlanEventSubscription(channel.Reader, () => subscriber.UnsubscribeAsync(name, handler));
    }

    [LoggerMessage(EventId = 1, EventName = "PlanEventPublishFailed", Level = LogLevel.Warning, Message = "Could not publish a change event for plan {PlanId}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string planId);
}
