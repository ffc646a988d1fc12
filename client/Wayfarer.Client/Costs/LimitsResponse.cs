using Wayfarer.GrainInterfaces.Ledger;

namespace Wayfarer.Client.Costs;

/// <summary>The caller's limits and today's spend.</summary>
/// <param name="DailyUsd">Cap per UTC day; null for none.</param>
/// <param name="PerPlanUsd">Cap per plan; null for none.</param>
/// <param name="Day">Today (UTC).</param>
/// <param name="TodayUsd">Charged today.</param>
/// <param name="ReservedUsd">Held by model calls still running.</param>
/// <param name="RemainingTodayUsd">What is left under the daily cap; null without one.</param>
public sealed record LimitsResponse(decimal? DailyUsd, decimal? PerPlanUsd, DateOnly Day, decimal TodayUsd, decimal ReservedUsd, decimal? RemainingTodayUsd)
{
    /// <summary>Always <c>USD</c>.</summary>
    public string Currency => "USD";

    /// <summary>Maps the ledger grain's summary.</summary>
    public static LimitsResponse From(SpendSummary summary) => new(
        summary.Limits.DailyUsd,
        summary.Limits.PerPlanUsd,
        summary.Day,
        summary.TodayUsd,
        summary.ReservedUsd,
        summary.Limits.DailyUsd is { } daily ? Math.Max(0m, daily - summary.TodayUsd - summary.ReservedUsd) : null);
}
