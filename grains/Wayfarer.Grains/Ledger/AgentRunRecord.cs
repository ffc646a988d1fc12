namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>agent_runs</c>: one message processed by a session's orchestrator. Written again on every status
/// change (upsert by <paramref name="RunId"/>).</summary>
public sealed record AgentRunRecord(
    Guid RunId,
    string SessionId,
    string UserId,
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
    DateTimeOffset? FinishedAt) : LedgerRecord;
