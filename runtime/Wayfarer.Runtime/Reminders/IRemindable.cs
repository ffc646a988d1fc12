namespace Wayfarer.Runtime.Reminders;

/// <summary>Implemented by grains that register reminders; each tick arrives as a call to <see cref="ReceiveReminder"/>,
/// activating the grain if needed.</summary>
public interface IRemindable : IGrain
{
    /// <summary>Receives one reminder tick.</summary>
    Task ReceiveReminder(string reminderName, TickStatus status);
}
