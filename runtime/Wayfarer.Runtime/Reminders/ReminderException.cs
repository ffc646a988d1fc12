namespace Wayfarer.Runtime.Reminders;

/// <summary>A reminder operation broke a rule: a stale handle, a period below the minimum, or a grain that is not
/// <see cref="IRemindable"/>.</summary>
public sealed class ReminderException(string message) : WayfarerException(message)
{
}
