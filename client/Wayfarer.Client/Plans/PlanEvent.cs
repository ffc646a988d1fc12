namespace Wayfarer.Client.Plans;

/// <summary>A change notification sent to <c>/api/plans/{id}/events</c> subscribers.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Kind">updated, restored, shared, unshared or deleted.</param>
/// <param name="Version">The plan's version after the change.</param>
/// <param name="At">When.</param>
public sealed record PlanEvent(string PlanId, string Kind, int? Version, DateTimeOffset At);
