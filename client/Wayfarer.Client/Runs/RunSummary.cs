namespace Wayfarer.Client.Runs;

/// <summary>One agent run (one message processed by a session's orchestrator), as listed.</summary>
public sealed record RunSummary(
    Guid Id,
    string SessionId,
    string? PlanId,
    string Status,
    string Mode,
    string Message,
    string? Reply,
    int? PlanVersion,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    int Attempt,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt);
