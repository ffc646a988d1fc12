using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Watch;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Plans;

/// <summary>Tells the plan's <see cref="IPlanWatchGrain"/> when the plan becomes (or stops being) confirmed, so a
/// confirmed plan is re-validated before departure. Only when the agents are registered in this silo.</summary>
public sealed partial class PlanGrain
{
    private async Task SyncWatchAsync(string ownerId, PlanContent? content)
    {
        if (ServiceProvider.GetService<PlanWatchMarker>() is null)
        {
            return;
        }

        try
        {
            var watch = GrainFactory.GetGrain<IPlanWatchGrain>(this.GetPrimaryKeyString());
            if (content is { Status: PlanStatus.Confirmed, StartDate: { } start })
            {
                await watch.Watch(ownerId, start);
            }
            else
            {
                await watch.Unwatch();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The plan change is persisted; the watch is an extra and its failure is only logged.
            LogWatchFailed(logger, exception, this.GetPrimaryKeyString());
        }
    }

    [LoggerMessage(EventId = 10, EventName = "PlanWatchFailed", Level = LogLevel.Warning, Message = "Could not update the departure re-check of plan {PlanId}")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception, string planId);
}
