namespace Wayfarer.Planning.Offline;

/// <summary>Everything <see cref="OfflinePlanner.PlanDay"/> needs for one day.</summary>
/// <param name="City">The city of the day's sights; null on a day spent travelling.</param>
/// <param name="Date">The date.</param>
/// <param name="Candidates">Candidates not used on earlier days, best first.</param>
/// <param name="ArrivalLeg">A leg reaching the city this day.</param>
/// <param name="DepartureLeg">A leg leaving the city this day.</param>
/// <param name="Lodging">Where the night is spent, when a night is spent in a bed.</param>
/// <param name="Request">The request (pace, window, travellers, currency, ...).</param>
/// <param name="TransitLeg">A leg in progress all day.</param>
public sealed record DayPlanInput(
    ResolvedCity? City,
    DateOnly Date,
    IReadOnlyList<PlaceCandidate> Candidates,
    TransportLeg? ArrivalLeg,
    TransportLeg? DepartureLeg,
    LodgingChoice? Lodging,
    TripRequest Request,
    TransportLeg? TransitLeg = null);
