using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The flight-specific fields of an itinerary item.</summary>
/// <param name="FlightNumber">Carrier code and number, such as <c>LH 400</c>.</param>
/// <param name="Airline">The operating airline.</param>
/// <param name="DepartureAirport">IATA code of the departure airport.</param>
/// <param name="ArrivalAirport">IATA code of the arrival airport.</param>
/// <param name="DepartureTime">Scheduled departure, with offset.</param>
/// <param name="ArrivalTime">Scheduled arrival, with offset.</param>
[Immutable]
public sealed record FlightDetails(
    string? FlightNumber,
    string? Airline,
    string? DepartureAirport,
    string? ArrivalAirport,
    DateTimeOffset? DepartureTime,
    DateTimeOffset? ArrivalTime);
