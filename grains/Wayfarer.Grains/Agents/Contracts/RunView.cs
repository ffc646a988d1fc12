using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>A run as its owner sees it, with the events after a given sequence.</summary>
[Immutable]
public sealed record RunView(
    Guid RunId,
    string SessionId,
    string? PlanId,
    RunKind Kind,
    RunStatus Status,
    string Mode,
    string? Provider,
    string? Model,
    string? Reply,
    int? PlanVersion,
    IReadOnlyList<string> Issues,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    int Attempt,
    string? Error,
    string? ErrorCode,
    string? Silo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<RunEvent> Events);
