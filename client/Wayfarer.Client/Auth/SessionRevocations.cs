using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Auth;

/// <summary>Access tokens of logged-out sessions, kept in Redis until they would have expired anyway, so that logout
/// takes effect at once on every front-end instance.</summary>
internal sealed class SessionRevocations(IConnectionMultiplexer redis, RedisKeys keys, IOptions<AuthOptions> options)
{
    public Task RevokeAsync(Guid sessionId) =>
        redis.GetDatabase().StringSetAsync(keys.RevokedSession(sessionId.ToString("N")), "1", options.Value.AccessTokenLifetime + TimeSpan.FromMinutes(1));

    public Task<bool> IsRevokedAsync(string sessionId) => redis.GetDatabase().KeyExistsAsync(keys.RevokedSession(sessionId));
}
