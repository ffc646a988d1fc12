using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>A user's spend limits in USD; null means no limit.</summary>
/// <param name="DailyUsd">Cap on model spend per UTC day.</param>
/// <param name="PerPlanUsd">Cap on model spend per plan (all time).</param>
[Immutable]
public sealed record SpendLimits(decimal? DailyUsd, decimal? PerPlanUsd)
{
    /// <summary>The largest limit, estimate or charge the ledger accepts, in USD.</summary>
    public const decimal MaxUsd = 100_000m;
}
