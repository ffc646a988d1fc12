using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Watch;

/// <summary>The persisted state of a plan watch.</summary>
public sealed class PlanWatchState
{
    public string? OwnerId { get; set; }

    public DateOnly? StartDate { get; set; }

    public int Checks { get; set; }

    public DateTimeOffset? LastCheckedAt { get; set; }

    public List<string> LastIssues { get; set; } = [];

    /// <summary>The findings last notified, so the traveller is told once per change, not every day.</summary>
    public string? LastNotified { get; set; }
}
