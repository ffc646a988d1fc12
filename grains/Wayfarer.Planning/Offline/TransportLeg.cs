using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Planning.Offline;

/// <summary>An estimated journey between two cities. Door times include getting to and from stations or airports
/// and, for flights, check-in and baggage time.</summary>
/// <param name="FromGeonameId">Leaving from.</param>
/// <param name="FromName">Name of the city left.</param>
/// <param name="ToGeonameId">Going to.</param>
/// <param name="ToName">Name of the city reached.</param>
/// <param name="Mode">Flight, train, bus, car or ferry.</param>
/// <param name="Kind">Outbound, onward or return.</param>
/// <param name="DistanceKm">Great-circle distance between the cities.</param>
/// <param name="Date">Date of departure.</param>
/// <param name="DoorDeparture">Leaving the city centre, local time of the city left.</param>
/// <param name="DoorArrival">Reaching the city centre, local time of the city reached.</param>
/// <param name="ServiceDeparture">Scheduled-style departure of the flight/train, local.</param>
/// <param name="ServiceArrival">Arrival of the flight/train, local.</param>
/// <param name="FromAirport">IATA code, for flights.</param>
/// <param name="ToAirport">IATA code, for flights.</param>
/// <param name="CostUsdPerPerson">Estimated fare per person in USD.</param>
/// <param name="Cost">Estimated cost for all travellers in the request currency.</param>
/// <param name="Notes">How it was estimated.</param>
public sealed record TransportLeg(
    int FromGeonameId,
    string FromName,
    int ToGeonameId,
    string ToName,
    TransportMode Mode,
    LegKind Kind,
    double DistanceKm,
    DateOnly Date,
    DateTimeOffset DoorDeparture,
    DateTimeOffset DoorArrival,
    DateTimeOffset ServiceDeparture,
    DateTimeOffset ServiceArrival,
    string? FromAirport,
    string? ToAirport,
    decimal CostUsdPerPerson,
    Money Cost,
    IReadOnlyList<string> Notes)
{
    /// <summary>The local date of reaching the city centre.</summary>
    public DateOnly ArrivalDate => DateOnly.FromDateTime(DoorArrival.DateTime);

    /// <summary>True when the journey starts and ends on <see cref="Date"/> with the arrival clock after the
    /// departure clock, so it is one timed item of that day.</summary>
    public bool IsSameDay => ArrivalDate == Date && DoorArrival.TimeOfDay > DoorDeparture.TimeOfDay;

    /// <summary>Door-to-door minutes.</summary>
    public int TotalMinutes => (int)Math.Round((DoorArrival - DoorDeparture).TotalMinutes);
}
