namespace Wayfarer.Planning.Offline;

/// <summary>The shape of one day before it is filled: where the traveller is, which legs touch it, where they sleep.</summary>
/// <param name="Date">The date.</param>
/// <param name="City">The city whose sights fit this day; null on a day spent travelling.</param>
/// <param name="ArrivalLeg">A leg reaching <paramref name="City"/> on this date.</param>
/// <param name="DepartureLeg">A leg leaving <paramref name="City"/> on this date.</param>
/// <param name="TransitLeg">A leg in progress all day (departed earlier, arriving later).</param>
/// <param name="Lodging">Where the night of this date is spent; null when travelling overnight or on the last day.</param>
public sealed record DayFrame(
    DateOnly Date,
    ResolvedCity? City,
    TransportLeg? ArrivalLeg,
    TransportLeg? DepartureLeg,
    TransportLeg? TransitLeg,
    LodgingChoice? Lodging);
