using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>One entry of an itinerary day.</summary>
/// <param name="Start">Local start time.</param>
/// <param name="End">Local end time.</param>
/// <param name="Title">What it is.</param>
/// <param name="PlaceId">A place id from the catalogue.</param>
/// <param name="Category">The kind of item.</param>
/// <param name="Location">Where it is.</param>
/// <param name="Cost">What it costs.</param>
/// <param name="Notes">Free text.</param>
/// <param name="Flight">Flight fields, for flights.</param>
/// <param name="Lodging">Accommodation fields, for lodging.</param>
/// <param name="Booking">Booking reference and status.</param>
[Immutable]
public sealed record ItineraryItem(
    TimeOnly? Start,
    TimeOnly? End,
    string Title,
    string? PlaceId,
    ItemCategory Category,
    GeoPoint? Location,
    Money? Cost,
    string? Notes,
    FlightDetails? Flight = null,
    LodgingDetails? Lodging = null,
    BookingDetails? Booking = null);
