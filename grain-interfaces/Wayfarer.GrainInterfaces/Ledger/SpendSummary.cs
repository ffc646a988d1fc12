using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>Spend so far.</summary>
/// <param name="Day">The UTC day of <paramref name="TodayUsd"/>.</param>
/// <param name="TodayUsd">Charged today.</param>
/// <param name="ReservedUsd">Reserved by calls still running.</param>
/// <param name="PlanId">The plan of <paramref name="PlanUsd"/>, if asked.</param>
/// <param name="PlanUsd">Charged to that plan so far.</param>
/// <param name="Limits">The limits.</param>
[Immutable]
public sealed record SpendSummary(DateOnly Day, decimal TodayUsd, decimal ReservedUsd, string? PlanId, decimal PlanUsd, SpendLimits Limits);
