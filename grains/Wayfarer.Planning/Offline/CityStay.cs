namespace Wayfarer.Planning.Offline;

/// <summary>The time spent in one destination.</summary>
/// <param name="City">The city.</param>
/// <param name="Arrive">The date of arrival (the trip's start for the first city without an origin).</param>
/// <param name="Depart">The date of leaving (the trip's end for the last city).</param>
/// <param name="Nights">Nights slept there: lodging on every date from <paramref name="Arrive"/> to the day before
/// <paramref name="Depart"/>.</param>
public sealed record CityStay(ResolvedCity City, DateOnly Arrive, DateOnly Depart, int Nights);
