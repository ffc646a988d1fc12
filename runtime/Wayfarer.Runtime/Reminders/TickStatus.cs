namespace Wayfarer.Runtime.Reminders;

/// <summary>Describes one reminder tick.</summary>
/// <param name="FirstTickTime">When the reminder was first due.</param>
/// <param name="Period">The period between ticks.</param>
/// <param name="CurrentTickTime">When this tick was due.</param>
[Immutable]
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
