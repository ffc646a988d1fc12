using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Watch;

/// <summary>Re-validates a confirmed plan before departure. Keyed by the plan id.</summary>
public interface IPlanWatchGrain : IGrainWithStringKey
{
    /// <summary>Watches the plan: a durable reminder re-validates it <see cref="AgentOptions.RecheckBeforeDeparture"/> before
    /// <paramref name="startDate"/> (at once when that is already past) and daily until departure.</summary>
    Task Watch(string ownerId, DateOnly startDate);

    /// <summary>Stops watching (the plan is no longer confirmed, or deleted).</summary>
    Task Unwatch();

    /// <summary>The watch, for operators and tests.</summary>
    [ReadOnly]
    Task<PlanWatchStatus> GetStatus();
}
