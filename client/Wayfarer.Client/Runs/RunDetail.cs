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
