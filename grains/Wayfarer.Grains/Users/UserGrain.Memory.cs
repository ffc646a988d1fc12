using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Grains.Memory;
using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Grains.Users;

/// <summary>Keeps the user's <c>user_preferences</c> vector in step with the structured preferences: after they are
/// persisted they are upserted into the user's <see cref="IUserMemoryGrain"/> (removed once the user is gone). A memory
/// failure never fails the write: it is logged and a durable reminder retries until the vector matches again.</summary>
public sealed partial class UserGrain : IRemindable
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
        await PushMemoryAsync();
        if (await GetReminder(reminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        MemorySync.Retried(logger, MemoryCollections.UserPreferences, MemorySync.PreferencesId);
    }

    private async Task SyncMemoryAsync()
    {
        if (!MemorySync.IsEnabled(ServiceProvider))
        {
            return;
        }

        try
        {
            await PushMemoryAsync();
        }
        catch (Exception exception)
        {
            // The preferences are already persisted: the user's write succeeds, and the reminder repairs the vector later.
            MemorySync.SyncFailed(logger, exception, MemoryCollections.UserPreferences, MemorySync.PreferencesId);
            await ScheduleRetryAsync();
        }
    }

    /// <summary>Makes the user's preference vector match the preferences as persisted now (idempotent).</summary>
    private async Task PushMemoryAsync()
    {
        var memory = GrainFactory.GetGrain<IUserMemoryGrain>(Id);
        if (profile.RecordExists && profile.State.Preferences is { } preferences)
        {
            await memory.UpsertAsync(new MemoryBatch([MemorySync.ForPreferences(preferences)]));
        }
        else
        {
            await memory.RemoveAsync(MemoryCollections.UserPreferences, MemorySync.PreferencesId);
        }
    }

    private async Task ScheduleRetryAsync()
    {
        try
        {
            await RegisterOrUpdateReminder(MemorySync.RetryReminderPrefix + Id, MemorySync.RetryPeriod, MemorySync.RetryPeriod);
        }
        catch (Exception exception)
        {
            MemorySync.RetryUnavailable(logger, exception, MemoryCollections.UserPreferences, MemorySync.PreferencesId);
        }
    }
}
