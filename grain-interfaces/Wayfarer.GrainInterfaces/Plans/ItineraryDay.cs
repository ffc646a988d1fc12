using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>One day of an itinerary.</summary>
/// <param name="Date">The day.</param>
/// <param name="Items">Its items, in order.</param>
[Immutable]
public sealed record ItineraryDay(DateOnly Date, IReadOnlyList<ItineraryItem> Items);
