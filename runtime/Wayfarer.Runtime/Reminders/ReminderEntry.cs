namespace Wayfarer.Runtime.Reminders;

/// <summary>One durable reminder row.</summary>
public sealed record ReminderEntry
{
    /// <summary>The grain the reminder belongs to.</summary>
    public required GrainId GrainId { get; init; }

    /// <summary>The reminder name, unique per grain.</summary>
    public required string ReminderName { get; init; }

    /// <summary>The first due time; later ticks fall at <c>StartAt + k × Period</c>.</summary>
    public required DateTimeOffset StartAt { get; init; }

    /// <summary>The period between ticks.</summary>
    public required TimeSpan Period { get; init; }

    /// <summary>The ETag of the stored row; null for a row not yet stored.</summary>
    public string? ETag { get; init; }
}
