namespace Wayfarer.Runtime.Reminders;

/// <summary>A reminder handle.</summary>
internal sealed record GrainReminder(string ReminderName, string ETag) : IGrainReminder;
