using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Grains.Memory;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Grains.Plans;

/// <summary>Keeps the owner's <c>travel_plans</c> vector in step with the plan: after every persisted change the plan
/// is upserted into (or, once deleted, removed from) the owner's <see cref="IUserMemoryGrain"/>. A memory failure never
/// fails the plan write: it is logged and a durable reminder retries until the vector matches the plan again.</summary>
public sealed partial class PlanGrain : IRemindable
{
    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        if (!reminderName.StartsWith(MemorySync.RetryReminderPrefix, StringComparison.Ordinal))
        {
            return;
        }

        // Throws on another failure, so the reminder stays and fires again.
        await PushMemoryAsync(reminderName[MemorySync.RetryReminderPrefix.Length..]);
        if (await GetReminder(reminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        MemorySync.Retried(logger, MemoryCollections.TravelPlans, this.GetPrimaryKeyString());
    }

    private async Task SyncMemoryAsync(string ownerId)
    {
        if (!MemorySync.IsEnabled(ServiceProvider))
        {
            return;
        }

        try
        {
            await PushMemoryAsync(ownerId);
        }
        catch (Exception exception)
        {
            // The plan is already persisted: the user's write succeeds, and the reminder repairs the vector later.
            MemorySync.SyncFailed(logger, exception, MemoryCollections.TravelPlans, this.GetPrimaryKeyString());
            await ScheduleRetryAsync(ownerId);
        }
    }

    /// <summary>Makes the owner's vector match the plan as persisted now (idempotent).</summary>
    private async Task PushMemoryAsync(string ownerId)
    {
        var planId = this.GetPrimaryKeyString();
        var memory = GrainFactory.GetGrain<IUserMemoryGrain>(ownerId);
        if (state.RecordExists && state.State.OwnerId == ownerId && state.State.Plan is { } content)
        {
            await memory.UpsertAsync(new MemoryBatch([MemorySync.ForPlan(planId, content)]));
        }
        else
        {
            await memory.RemoveAsync(MemoryCollections.TravelPlans, planId);
        }
    }

    private async Task ScheduleRetryAsync(string ownerId)
    {
        try
        {
            await RegisterOrUpdateReminder(MemorySync.RetryReminderPrefix + ownerId, MemorySync.RetryPeriod, MemorySync.RetryPeriod);
        }
        catch (Exception exception)
        {
            MemorySync.RetryUnavailable(logger, exception, MemoryCollections.TravelPlans, this.GetPrimaryKeyString());
        }
    }
}
