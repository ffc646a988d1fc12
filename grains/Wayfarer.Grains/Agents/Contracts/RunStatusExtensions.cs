using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

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
