using Microsoft.Extensions.Options;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Every Redis key and channel name the API uses, under the configured prefix.</summary>
internal sealed class RedisKeys(IOptions<ApiOptions> options)
{
    private readonly string _prefix = options.Value.RedisKeyPrefix;

    public string UserRate(string userId) => $"{_prefix}rl:u:{userId}";

    public string IpRate(string ip) => $"{_prefix}rl:ip:{ip}";

    public string RevokedSession(string sessionId) => $"{_prefix}revoked:{sessionId}";

    public string PlanChannel(string planId) => Grains.Plans.PlanEvent.Channel(_prefix, planId);
}
