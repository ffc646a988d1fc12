namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>agent_tasks</c>: one step of a run (upsert by <paramref name="TaskId"/>).</summary>
public sealed record AgentTaskRecord(
    Guid TaskId,
    Guid RunId,
    string UserId,
    int Sequence,
    string Name,
    string Agent,
    string Status,
    string? Input,
    string? Output,
    string? Error,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt) : LedgerRecord;
