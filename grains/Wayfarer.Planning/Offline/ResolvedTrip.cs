namespace Wayfarer.Planning.Offline;

/// <summary>A validated request with its cities resolved.</summary>
/// <param name="Request">The request.</param>
/// <param name="Origin">The resolved origin, when the request has one.</param>
/// <param name="Destinations">The resolved destinations, in order.</param>
/// <param name="Notes">What the traveller should know (uncurated cities, assumptions).</param>
public sealed record ResolvedTrip(TripRequest Request, ResolvedCity? Origin, IReadOnlyList<ResolvedCity> Destinations, IReadOnlyList<string> Notes);
