namespace Wayfarer.Client.Costs;

/// <summary>The caller's spend over a range of UTC days, grouped.</summary>
/// <param name="From">The first day (included).</param>
/// <param name="To">The last day (included).</param>
/// <param name="GroupBy"><c>day</c>, <c>plan</c>, <c>agent</c> or <c>model</c>.</param>
/// <param name="TotalUsd">Spend over the range in USD.</param>
/// <param name="PromptTokens">Input tokens over the range.</param>
/// <param name="CompletionTokens">Output tokens over the range.</param>
/// <param name="Calls">Model calls over the range.</param>
/// <param name="Items">The groups: days in order, the others by spend, highest first.</param>
public sealed record CostReport(DateOnly From, DateOnly To, string GroupBy, decimal TotalUsd, long PromptTokens, long CompletionTokens, long Calls, IReadOnlyList<CostGroup> Items)
{
    /// <summary>Always <c>USD</c>.</summary>
    public string Currency => "USD";

    /// <summary>Builds the report from its groups.</summary>
    public static CostReport Create(DateOnly from, DateOnly to, string groupBy, IReadOnlyList<CostGroup> items) =>
        new(from, to, groupBy, items.Sum(i => i.CostUsd), items.Sum(i => i.PromptTokens), items.Sum(i => i.CompletionTokens), items.Sum(i => i.Calls), items);
}
