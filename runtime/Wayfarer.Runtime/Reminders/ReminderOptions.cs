namespace Wayfarer.Runtime.Reminders;

/// <summary>Reminder service settings.</summary>
public sealed class ReminderOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Reminders";

    /// <summary>The shortest period a reminder may have. Reminders are for coarse, durable schedules; use grain timers
    /// for anything faster.</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan MinimumReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the silo re-reads the reminder table to pick up reminders registered elsewhere.</summary>
    /// <value>Default 1 minute.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks the values and names the first bad option.</summary>
    /// <returns>Null when valid, else the message.</returns>
    public string? Validate()
        => MinimumReminderPeriod < TimeSpan.Zero ? $"{SectionName}:{nameof(MinimumReminderPeriod)} must not be negative."
        : RefreshInterval <= TimeSpan.Zero ? $"{SectionName}:{nameof(RefreshInterval)} must be positive."
        : null;
}
