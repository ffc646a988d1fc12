using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>What the completed steps of a run produced; a resumed run continues from here.</summary>
public sealed class RunCheckpoint
{
    /// <summary>The sequence of the traveller's message in the session, once appended.</summary>
    public int? UserMessageSequence { get; set; }

    /// <summary>The number of session messages before the run (rollback truncates to it).</summary>
    public int? MessagesBefore { get; set; }

    /// <summary>The sequence of the reply in the session, once appended.</summary>
    public int? ReplyMessageSequence { get; set; }

    /// <summary>The plan's version when the run loaded it.</summary>
    public int? PlanVersionBefore { get; set; }

    /// <summary>Whether the plan was empty (no itinerary) when loaded.</summary>
    public bool PlanWasEmpty { get; set; }

    /// <summary>The trip request to plan (after interpreting the message).</summary>
    public TripRequest? Trip { get; set; }

    /// <summary>Whether this run (re)plans the itinerary; false for a question answered from the current plan.</summary>
    public bool Replan { get; set; }

    /// <summary>Fields interpreted from the message, as a short list for the reply.</summary>
    public List<string> Understood { get; set; } = [];

    /// <summary>The resolved cities.</summary>
    public ResolvedTrip? Resolved { get; set; }

    /// <summary>The itinerary the agents (or the model) produced.</summary>
    public Itinerary? Itinerary { get; set; }

    /// <summary>Who produced <see cref="Itinerary"/>: <c>offline</c> (the agents) or <c>model</c> (submitted by a model).</summary>
    public string? ItinerarySource { get; set; }

    /// <summary>The itinerary's budget report.</summary>
    public BudgetReport? Budget { get; set; }

    /// <summary>Planner notes for the traveller.</summary>
    public List<string> Notes { get; set; } = [];

    /// <summary>The model conversation so far (model runs).</summary>
    public List<TranscriptEntry>? Transcript { get; set; }

    /// <summary>The model's reply text (model runs).</summary>
    public string? ModelReply { get; set; }

    /// <summary>How validation went: <c>valid</c>, <c>repaired</c> or <c>rejected</c>.</summary>
    public string? Validation { get; set; }

    /// <summary>Validation findings (repairs made, or the reasons a model plan was rejected).</summary>
    public List<string> Issues { get; set; } = [];

    /// <summary>The plan version this run created.</summary>
    public int? SavedVersion { get; set; }

    /// <summary>The reply to the traveller.</summary>
    public string? Reply { get; set; }

    /// <summary>The orchestrator's own execution id for model calls (agent_executions).</summary>
    public Guid? ModelExecutionId { get; set; }
}
