using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>One session's orchestrator (keyed by the session id): takes the traveller's messages one run at a time,
/// applies the double-texting policy, drives the specialist agents, checkpoints each step, and resumes an interrupted
/// run on another silo (driven by a reminder) or ends it as failed — never leaves it running forever.</summary>
public interface IOrchestratorGrain : IAgentGrain
{
    /// <summary>Submits a message (or generate request). Returns at once with the run id; the run goes on in the
    /// background and its progress is read with <see cref="Watch"/>. Interleaves with long <see cref="Watch"/> polls
    /// (submissions, cancellations and erasure take their turn one at a time among themselves).</summary>
    [AlwaysInterleave]
    Task<SubmitResult> Submit(RunRequest request);

    /// <summary>The run with its events after <paramref name="afterSequence"/>, waiting up to <paramref name="wait"/> for
    /// a new event or the end when there is none yet. Null when the run is not this user's or unknown.</summary>
    [AlwaysInterleave]
    Task<RunView?> Watch(string userId, Guid runId, int afterSequence, TimeSpan wait);

    /// <summary>Erases the orchestrator (GDPR): stops any run, forgets every run and message it holds, removes its
    /// watchdog. True when it held anything of <paramref name="userId"/>.</summary>
    [AlwaysInterleave]
    Task<bool> Forget(string userId);

    /// <summary>Cancels a queued or running run. True when it was cancelled.</summary>
    [AlwaysInterleave]
    Task<bool> Cancel(string userId, Guid runId);
}
