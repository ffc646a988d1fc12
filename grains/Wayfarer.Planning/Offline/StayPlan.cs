namespace Wayfarer.Planning.Offline;

/// <summary>Nights per city and the legs between them.</summary>
/// <param name="Stays">One per destination, in order.</param>
/// <param name="Legs">Origin to first city, between cities, last city to origin; in order.</param>
/// <param name="Notes">Why nights were allocated as they were.</param>
public sealed record StayPlan(IReadOnlyList<CityStay> Stays, IReadOnlyList<LegPlan> Legs, IReadOnlyList<string> Notes);
