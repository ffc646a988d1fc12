using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Offline;

/// <summary>One planned day.</summary>
/// <param name="Day">The itinerary day.</param>
/// <param name="UsedPlaceIds">Candidate ids placed this day (remove them before planning the next day).</param>
/// <param name="GeonameId">The city of the day's sights, when any.</param>
/// <param name="Notes">Places left out and why.</param>
public sealed record DayPlan(ItineraryDay Day, IReadOnlyList<string> UsedPlaceIds, int? GeonameId, IReadOnlyList<string> Notes);
