using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The accommodation-specific fields of an itinerary item.</summary>
/// <param name="Name">Name of the place.</param>
/// <param name="Address">Street address.</param>
/// <param name="CheckIn">Check-in date.</param>
/// <param name="CheckOut">Check-out date.</param>
[Immutable]
public sealed record LodgingDetails(string? Name, string? Address, DateOnly? CheckIn, DateOnly? CheckOut);
