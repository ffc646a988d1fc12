
namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>The persisted state of a session's orchestrator (state <c>orchestrator</c>): the session's owner and plan,
/// the active run with its checkpoint, the queue, and recent runs.</summary>
public sealed class OrchestratorState
{
    public string? UserId { get; set; }

    public string? PlanId { get; set; }

    public Guid? ActiveRunId { get; set; }

    public List<Guid> Queue { get; set; } = [];

    public List<RunState> Runs { get; set; } = [];
}
