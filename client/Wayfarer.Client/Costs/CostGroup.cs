namespace Wayfarer.Client.Costs;

/// <summary>Spend of one group (a UTC day, a plan, an agent or a model).</summary>
/// <param name="Key">The day (<c>yyyy-MM-dd</c>), plan id, agent or model; null for costs not tied to a plan.</param>
/// <param name="Provider">The provider, when grouped by model.</param>
/// <param name="CostUsd">Spend in USD.</param>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="Calls">Model calls.</param>
public sealed record CostGroup(string? Key, string? Provider, decimal CostUsd, long PromptTokens, long CompletionTokens, long Calls);
