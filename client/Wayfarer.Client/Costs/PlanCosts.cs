namespace Wayfarer.Client.Costs;

/// <summary>The caller's spend on one plan, all time.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="TotalUsd">Spend in USD.</param>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="Calls">Model calls.</param>
/// <param name="PerPlanLimitUsd">The caller's per-plan cap; null for none.</param>
/// <param name="ByModel">Spend per model, highest first.</param>
/// <param name="ByAgent">Spend per agent, highest first.</param>
public sealed record PlanCosts(string PlanId, decimal TotalUsd, long PromptTokens, long CompletionTokens, long Calls, decimal? PerPlanLimitUsd,
    IReadOnlyList<CostGroup> ByModel, IReadOnlyList<CostGroup> ByAgent)
{
    /// <summary>Always <c>USD</c>.</summary>
    public string Currency => "USD";
}
