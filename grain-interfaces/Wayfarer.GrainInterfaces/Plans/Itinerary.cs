using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A plan's itinerary.</summary>
/// <param name="Days">The days, in order.</param>
[Immutable]
public sealed record Itinerary(IReadOnlyList<ItineraryDay> Days)
{
    /// <summary>An itinerary without days.</summary>
    public static Itinerary Empty { get; } = new([]);
}
