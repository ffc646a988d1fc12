namespace Wayfarer.Grains.Ledger;

/// <summary>A row for one of the agent ledgers; written in batches by <see cref="ILedgerWriter"/>.</summary>
public abstract record LedgerRecord;

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

/// <summary>A row of <c>agent_executions</c>: one agent doing one task (agent type and version, its config, the
/// provider and model or <c>offline</c>, tokens, cost, duration and status).</summary>
public sealed record AgentExecutionRecord(
    Guid ExecutionId,
    Guid? RunId,
    string UserId,
    string? PlanId,
    string AgentType,
    string AgentVersion,
    string Config,
    string Provider,
    string? Model,
    string Task,
    string? Result,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    double DurationMs,
    string Status,
    string? Error,
    DateTimeOffset StartedAt) : LedgerRecord;

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

/// <summary>A row of <c>agent_communications</c>: one grain call from one agent to another, recorded by a call filter.</summary>
public sealed record AgentCommunicationRecord(
    Guid Id,
    Guid? RunId,
    string? UserId,
    string FromAgent,
    string ToAgent,
    string MessageType,
    string Payload,
    string? Response,
    double LatencyMs,
    string Status,
    string? Error,
    DateTimeOffset At) : LedgerRecord;

/// <summary>A row of <c>system_metrics</c>: one sampled value of one silo.</summary>
public sealed record SystemMetricRecord(string SiloId, string Name, double Value, string? Labels, DateTimeOffset At) : LedgerRecord;

/// <summary>A row of <c>notifications</c>: something the traveller should know about a plan (such as a re-validation
/// finding before departure).</summary>
public sealed record NotificationRecord(
    Guid Id,
    string UserId,
    string? PlanId,
    string Kind,
    string Title,
    string Body,
    DateTimeOffset At) : LedgerRecord;

/// <summary>A row of <c>cost_tracking</c>: the actual cost of one model call, written by the user ledger grain's outbox
/// through <see cref="ICostWriter"/> (idempotent by <paramref name="Id"/>). <paramref name="UserId"/> is null only after
/// the user was erased.</summary>
public sealed record CostRecord(
    Guid Id,
    string? UserId,
    string? PlanId,
    Guid? ExecutionId,
    Guid? RunId,
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    string Category,
    DateTimeOffset At) : LedgerRecord;

/// <summary>Writes ledger rows in batches (by size or after a short delay), off the caller's path.</summary>
/// <remarks>Rows are buffered in memory; a crash can lose at most the last batch of these operational rows. Money is
/// different: charges go through <c>IUserLedgerGrain</c>, which persists them before acknowledging.</remarks>
public interface ILedgerWriter
{
    /// <summary>Queues a row. Completes at once while the buffer has room; when it is full (the database is slow or
    /// down) it waits for room, so rows are never dropped.</summary>
    ValueTask WriteAsync(LedgerRecord record, CancellationToken cancellationToken = default);

    /// <summary>Writes everything queued so far and waits for it.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
