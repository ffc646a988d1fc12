namespace Wayfarer.Grains.Agents;

/// <summary>Agent and run settings (section <c>Wayfarer:Agents</c>).</summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wayfarer:Agents";

    /// <summary>How often a session with an unfinished run is checked (a durable reminder), so a run whose silo died is
    /// resumed on another silo. At least the runtime's minimum reminder period.</summary>
    public TimeSpan RunWatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a run may be started (first try plus resumptions) before it ends as failed.</summary>
    public int MaxRunAttempts { get; set; } = 3;

    /// <summary>A run still unfinished this long after it started ends as failed.</summary>
    public TimeSpan MaxRunDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Most messages queued behind a running one (policy <c>enqueue</c>).</summary>
    public int MaxQueuedRuns { get; set; } = 10;

    /// <summary>Finished runs kept in the orchestrator's state (all of them stay in the ledgers).</summary>
    public int RecentRunsKept { get; set; } = 20;

    /// <summary>How long before departure a confirmed plan is re-validated.</summary>
    public TimeSpan RecheckBeforeDeparture { get; set; } = TimeSpan.FromHours(72);

    /// <summary>A description of the first invalid setting, or null.</summary>
    public string? Validate() =>
        RunWatchdogPeriod <= TimeSpan.Zero ? "Wayfarer:Agents:RunWatchdogPeriod must be positive."
        : MaxRunAttempts is < 1 or > 20 ? "Wayfarer:Agents:MaxRunAttempts must be between 1 and 20."
        : MaxRunDuration <= TimeSpan.Zero ? "Wayfarer:Agents:MaxRunDuration must be positive."
        : MaxQueuedRuns is < 0 or > 1000 ? "Wayfarer:Agents:MaxQueuedRuns must be between 0 and 1000."
        : RecentRunsKept is < 1 or > 1000 ? "Wayfarer:Agents:RecentRunsKept must be between 1 and 1000."
        : RecheckBeforeDeparture <= TimeSpan.Zero ? "Wayfarer:Agents:RecheckBeforeDeparture must be positive."
        : null;
}
