using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>What a session does with a message that arrives while a run is still going (double-texting).</summary>
public enum DoubleTextPolicy
{
    /// <summary>Refuse the new message; the current run carries on.</summary>
    Reject,

    /// <summary>Queue the new message; it runs when the current run (and any queued before it) ends.</summary>
    Enqueue,

    /// <summary>Cancel the current run (its saved work stays) and start the new one.</summary>
    Interrupt,

    /// <summary>Cancel the current run, undo what it did (plan version, conversation messages) and start the new one.</summary>
    Rollback,
}

/// <summary>Which planner answers.</summary>
public enum RunMode
{
    /// <summary>A model when one is available (the user's key, else the platform's) and within the spend caps; the
    /// offline planner otherwise.</summary>
    Auto,

    /// <summary>The offline planner only.</summary>
    Offline,

    /// <summary>A model only: the run fails when none is configured or a spend cap is reached.</summary>
    Model,
}

/// <summary>What a run was asked to do.</summary>
public enum RunKind
{
    /// <summary>Answer a chat message (and update the plan when the message asks for it).</summary>
    Chat,

    /// <summary>Produce a new plan version from the plan's own fields and the request.</summary>
    Generate,
}

/// <summary>Where a run stands.</summary>
public enum RunStatus
{
    /// <summary>Waiting behind another run of the session.</summary>
    Queued,

    /// <summary>Being worked on.</summary>
    Running,

    /// <summary>Finished with a reply.</summary>
    Succeeded,

    /// <summary>Ended with an error (see the run's error).</summary>
    Failed,

    /// <summary>Cancelled by an interrupting message.</summary>
    Cancelled,

    /// <summary>Cancelled and undone by a rollback message.</summary>
    RolledBack,
}

/// <summary>Run status helpers.</summary>
public static class RunStatusExtensions
{
    /// <summary>Whether the run has ended.</summary>
    public static bool IsTerminal(this RunStatus status) => status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled or RunStatus.RolledBack;

    /// <summary>The lower-case name used in the ledgers and the API.</summary>
    public static string ToWire(this RunStatus status) => status switch
    {
        RunStatus.Queued => "queued",
        RunStatus.Running => "running",
        RunStatus.Succeeded => "succeeded",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        RunStatus.RolledBack => "rolled_back",
        _ => status.ToString().ToLowerInvariant(),
    };
}

/// <summary>Overrides of the plan's own fields for one run (all optional).</summary>
[Immutable]
public sealed record TripOverrides(
    IReadOnlyList<string>? Destinations = null,
    string? Origin = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    int? Travelers = null,
    decimal? Budget = null,
    decimal? DailyBudget = null,
    string? Currency = null,
    IReadOnlyList<string>? Interests = null,
    Wayfarer.GrainInterfaces.Users.TravelPace? Pace = null,
    Wayfarer.GrainInterfaces.Users.BudgetLevel? BudgetLevel = null);

/// <summary>A message (or a generate request) for a session's orchestrator.</summary>
/// <param name="UserId">The caller; must own the session.</param>
/// <param name="Message">The traveller's text (a fixed text for generate requests).</param>
/// <param name="Kind">Chat or generate.</param>
/// <param name="Policy">What to do when a run is already going.</param>
/// <param name="Mode">Which planner answers.</param>
/// <param name="Overrides">Fields that override the plan's own.</param>
[Immutable]
public sealed record RunRequest(string UserId, string Message, RunKind Kind, DoubleTextPolicy Policy, RunMode Mode, TripOverrides? Overrides = null);

/// <summary>How a submission ended.</summary>
public enum SubmitOutcome
{
    /// <summary>The run started.</summary>
    Started,

    /// <summary>The run waits behind another.</summary>
    Queued,

    /// <summary>A run is going and the policy was reject.</summary>
    Rejected,

    /// <summary>No such session, or not the caller's.</summary>
    NotFound,

    /// <summary>The queue is full.</summary>
    QueueFull,
}

/// <summary>The answer to a submission.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="RunId">The new run (empty when rejected or not found).</param>
/// <param name="ActiveRunId">The run that was going, if any.</param>
/// <param name="Message">Why, when rejected.</param>
[Immutable]
public sealed record SubmitResult(SubmitOutcome Outcome, Guid RunId, Guid? ActiveRunId, string? Message);

/// <summary>One progress event of a run, as streamed to the client.</summary>
/// <param name="Sequence">Position within the run, from 1.</param>
/// <param name="Type">Such as <c>run_started</c>, <c>agent_started</c>, <c>tool_called</c>, <c>partial_text</c>,
/// <c>plan_version_created</c>, <c>cost</c>, <c>run_succeeded</c>, <c>run_failed</c>.</param>
/// <param name="At">When it happened.</param>
/// <param name="Data">Event fields as JSON.</param>
[Immutable]
public sealed record RunEvent(int Sequence, string Type, DateTimeOffset At, string Data);

/// <summary>A run as its owner sees it, with the events after a given sequence.</summary>
[Immutable]
public sealed record RunView(
    Guid RunId,
    string SessionId,
    string? PlanId,
    RunKind Kind,
    RunStatus Status,
    string Mode,
    string? Provider,
    string? Model,
    string? Reply,
    int? PlanVersion,
    IReadOnlyList<string> Issues,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    int Attempt,
    string? Error,
    string? ErrorCode,
    string? Silo,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<RunEvent> Events);
