using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Runtime.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task<string> Register(string name, TimeSpan due, TimeSpan period);

    Task Unregister(string name, string etag);

    Task<string?> GetETag(string name);
}

public interface INotRemindableGrain : IGrainWithStringKey
{
    Task Register();
}

[Immutable]
public sealed record ReminderHandle(string ReminderName, string ETag) : IGrainReminder;
