using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

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
