namespace Wayfarer.Client.Runs;

/// <summary>One tool call.</summary>
public sealed record RunToolCall(Guid Id, Guid? ExecutionId, string AgentType, string ToolName, string Arguments, string? Result, string Status,
    double DurationMs, DateTimeOffset At);
