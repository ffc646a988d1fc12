using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

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
