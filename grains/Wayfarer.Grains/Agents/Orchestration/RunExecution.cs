using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>A run being executed: its state and what the pipeline may do on the orchestrator's behalf.</summary>
/// <param name="Run">The run (its checkpoint is updated by the steps).</param>
/// <param name="SessionId">The session.</param>
/// <param name="UserId">The session's owner.</param>
/// <param name="PlanId">The session's plan.</param>
/// <param name="Grains">The grain factory (calls made through it carry the orchestrator's identity).</param>
/// <param name="Emit">Adds a progress event.</param>
/// <param name="Checkpoint">Persists the run's state now (used inside long steps, such as after each model turn).</param>
/// <param name="CancellationToken">Cancelled when the run is interrupted.</param>
public sealed record RunExecution(
    RunState Run,
    string SessionId,
    string UserId,
    string PlanId,
    IGrainFactory Grains,
    Action<RunState, string, object> Emit,
    Func<Task> Checkpoint,
    CancellationToken CancellationToken)
{
    /// <summary>Adds a progress event to this run.</summary>
    public void Event(string type, object data) => Emit(Run, type, data);
}
