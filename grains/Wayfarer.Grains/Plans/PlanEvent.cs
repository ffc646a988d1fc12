namespace Wayfarer.Grains.Plans;

/// <summary>A change notification sent to <c>/api/plans/{id}/events</c> subscribers.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Kind">updated, restored, shared, unshared or deleted.</param>
/// <param name="Version">The plan's version after the change.</param>
/// <param name="At">When.</param>
public sealed record PlanEvent(string PlanId, string Kind, int? Version, DateTimeOffset At)
{
    /// <summary>The Redis pub/sub channel of a plan's events: the API subscribes to it, and the API and the agents publish
    /// on it.</summary>
    /// <param name="keyPrefix">The deployment's Redis key prefix (<c>Wayfarer:Api:RedisKeyPrefix</c>).</param>
    /// <param name="planId">The plan.</param>
    public static string Channel(string keyPrefix, string planId) => $"{keyPrefix}plan-events:{planId}";
}
