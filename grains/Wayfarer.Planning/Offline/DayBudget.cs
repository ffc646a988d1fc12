namespace Wayfarer.Planning.Offline;

/// <summary>Spending on one day.</summary>
/// <param name="Date">The day.</param>
/// <param name="Total">Everything on the day.</param>
/// <param name="ExcludingIntercity">Everything but flights and intercity transport (what a daily budget limits).</param>
/// <param name="WithinDailyBudget">False when a daily budget is set and exceeded.</param>
public sealed record DayBudget(DateOnly Date, decimal Total, decimal ExcludingIntercity, bool WithinDailyBudget);
