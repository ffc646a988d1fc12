using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The booking state of an itinerary item.</summary>
/// <param name="Reference">The provider's booking reference.</param>
/// <param name="Status">How far the booking has gone.</param>
[Immutable]
public sealed record BookingDetails(string? Reference, BookingStatus Status);
