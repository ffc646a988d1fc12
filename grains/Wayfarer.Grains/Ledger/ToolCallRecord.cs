namespace Wayfarer.Grains.Ledger;

/// <summary>A row of <c>tool_calls</c>: one tool invoked by an agent (from a model's tool call or the offline planner).</summary>
public sealed record ToolCallRecord(
    Guid ToolCallId,
    Guid? RunId,
    Guid? ExecutionId,
    string UserId,
    string AgentType,
    string ToolName,
    string Arguments,
    string? Result,
    string Status,
    double DurationMs,
    DateTimeOffset At) : LedgerRecord;
