using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>The actual cost of one model call.</summary>
/// <param name="ChargeId">Unique id (the cost_tracking row id).</param>
/// <param name="ReservationId">The reservation it settles, if any.</param>
/// <param name="PlanId">The plan, if any.</param>
/// <param name="RunId">The agent run, if any.</param>
/// <param name="ExecutionId">The agent execution, if any.</param>
/// <param name="Provider">Such as <c>openai</c> or <c>openai-compatible</c>.</param>
/// <param name="Model">The model name.</param>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="CostUsd">The cost in USD from the price table.</param>
/// <param name="Category">Such as <c>chat</c>, <c>embedding</c> or <c>tool</c>.</param>
/// <param name="At">When the call finished.</param>
[Immutable]
public sealed record CostCharge(
    Guid ChargeId,
    Guid? ReservationId,
    string? PlanId,
    Guid? RunId,
    Guid? ExecutionId,
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    string Category,
    DateTimeOffset At);
