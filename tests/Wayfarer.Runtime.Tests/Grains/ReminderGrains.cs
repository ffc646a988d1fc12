using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Runtime.Tests.Grains;

public sealed class ReminderGrain : Grain, IReminderGrain, IRemindable
{
    public async Task<string> Register(string name, TimeSpan due, TimeSpan period)
        => (await RegisterOrUpdateReminder(name, due, period)).ETag;

    public Task Unregister(string name, string etag) => UnregisterReminder(new ReminderHandle(name, etag));

    public async Task<string?> GetETag(string name) => (await GetReminder(name))?.ETag;

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var count = Probe.Increment($"{this.GetPrimaryKeyString()}:{reminderName}");
        Probe.Signal($"{this.GetPrimaryKeyString()}:{reminderName}:{count}").TrySetResult();
        return Task.CompletedTask;
    }
}

public sealed class NotRemindableGrain : Grain, INotRemindableGrain
{
    public Task Register() => RegisterOrUpdateReminder("r", TimeSpan.Zero, TimeSpan.FromMinutes(5));
}
