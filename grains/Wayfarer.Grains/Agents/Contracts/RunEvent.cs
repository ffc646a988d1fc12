using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>One progress event of a run, as streamed to the client.</summary>
/// <param name="Sequence">Position within the run, from 1.</param>
/// <param name="Type">Such as <c>run_started</c>, <c>agent_started</c>, <c>tool_called</c>, <c>partial_text</c>,
/// <c>plan_version_created</c>, <c>cost</c>, <c>run_succeeded</c>, <c>run_failed</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Data">Event fields as JSON.</param>
[Immutable]
public sealed record RunEvent(int Sequence, string Type, DateTimeOffset At, string Data);
