namespace Wayfarer.Client.Costs;

/// <summary>New spend limits; null (or absent) means no limit.</summary>
/// <param name="DailyUsd">Cap per UTC day, 0–100000 USD.</param>
/// <param name="PerPlanUsd">Cap per plan, 0–100000 USD.</param>
public sealed record LimitsRequest(decimal? DailyUsd, decimal? PerPlanUsd);
