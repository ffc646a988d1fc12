namespace Wayfarer.Client.Runs;

/// <summary>A run with everything recorded about it.</summary>
/// <param name="Run">The run.</param>
/// <param name="Tasks">Its steps, in order.</param>
/// <param name="Executions">Agent executions, in start order.</param>
/// <param name="ToolCalls">Tool calls, in time order.</param>
/// <param name="Messages">Messages between agents, in time order.</param>
/// <param name="Costs">Money charged for the run's model calls.</param>
public sealed record RunDetail(
    RunSummary Run,
    IReadOnlyList<RunTask> Tasks,
    IReadOnlyList<RunExecution> Executions,
    IReadOnlyList<RunToolCall> ToolCalls,
    IReadOnlyList<RunMessage> Messages,
    RunCosts Costs);

/// <summary>One step of a run.</summary>
public sealed record RunTask(Guid Id, int Sequence, string Name, string Agent, string Status, string? Input, string? Output, string? Error,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);

/// <summary>One agent execution.</summary>
public sealed record RunExecution(Guid Id, string AgentType, string AgentVersion, string Provider, string? Model, string Task, string? Result,
    int PromptTokens, int CompletionTokens, decimal CostUsd, double DurationMs, string Status, string? Error, DateTimeOffset StartedAt);

/// <summary>One tool call.</summary>
public sealed record RunToolCall(Guid Id, Guid? ExecutionId, string AgentType, string ToolName, string Arguments, string? Result, string Status,
    double DurationMs, DateTimeOffset At);

/// <summary>One message from one agent to another.</summary>
public sealed record RunMessage(Guid Id, string From, string To, string Type, string Payload, string? Response, double LatencyMs, string Status,
    string? Error, DateTimeOffset At);

/// <summary>Totals of the cost rows of a run.</summary>
public sealed record RunCosts(decimal TotalUsd, long PromptTokens, long CompletionTokens, long Calls)
{
    /// <summary>Always <c>USD</c>.</summary>
    public string Currency => "USD";
}
