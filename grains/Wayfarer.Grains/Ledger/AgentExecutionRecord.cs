namespace Wayfarer.Grains.Ledger;

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
