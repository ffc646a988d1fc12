using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>One step of a run, named after the agent that does it.</summary>
/// <param name="Name">The step (<c>load</c>, <c>interpret</c>, <c>locate</c>, <c>plan</c>, <c>validate</c>, <c>save</c>, <c>reply</c>).</param>
/// <param name="Agent">The agent responsible.</param>
public sealed record RunStep(string Name, string Agent);

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

/// <summary>Ends a run as failed with a code and a message for the traveller.</summary>
public sealed class RunFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RunFailedException(string code, string message)
        : base(message) => Code = code;

    /// <summary>Creates the exception.</summary>
    public RunFailedException()
        : this("run_failed", "The run failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public RunFailedException(string message)
        : this("run_failed", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public RunFailedException(string message, Exception innerException)
        : base(message, innerException) => Code = "run_failed";

    /// <summary>A stable error code, such as <c>no_model</c>, <c>spend_cap</c>, <c>unknown_city</c>, <c>budget_too_low</c>.</summary>
    public string Code { get; }
}
