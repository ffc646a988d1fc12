using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>One step of a run, named after the agent that does it.</summary>
/// <param name="Name">The step (<c>load</c>, <c>interpret</c>, <c>locate</c>, <c>plan</c>, <c>validate</c>, <c>save</c>, <c>reply</c>).</param>
/// <param name="Agent">The agent responsible.</param>
public sealed record RunStep(string Name, string Agent);
