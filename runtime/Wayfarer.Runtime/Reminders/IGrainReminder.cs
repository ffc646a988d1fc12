namespace Wayfarer.Runtime.Reminders;

/// <summary>A handle on a registered reminder. A handle is tied to the version it was issued for: once the reminder is
/// updated, the old handle can no longer unregister it.</summary>
public interface IGrainReminder
{
    /// <summary>The reminder name.</summary>
    string ReminderName { get; }

    /// <summary>The stored version this handle refers to.</summary>
    string ETag { get; }
}
