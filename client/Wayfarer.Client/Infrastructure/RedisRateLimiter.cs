using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Fixed-window counters in Redis, shared by every front-end instance: one atomic script increments the
/// counter, starts the window on the first hit, and returns the count with the time left.</summary>
internal sealed class RedisRateLimiter(IConnectionMultiplexer redis, IOptions<RateLimitOptions> options)
{
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
        return { count, ttl }
        """;

    /// <summary>Counts a hit on <paramref name="key"/>; returns null when allowed, or how long to wait.</summary>
    public async Task<TimeSpan?> HitAsync(string key, int limit)
    {
        var window = (long)options.Value.Window.TotalMilliseconds;
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [window]))!;
        var count = (long)result[0];
        var ttl = (long)result[1];
        return count > limit ? TimeSpan.FromMilliseconds(Math.Max(ttl, 1)) : null;
    }
}
