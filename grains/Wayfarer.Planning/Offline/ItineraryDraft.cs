using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Offline;

/// <summary>An itinerary with its budget and notes: what <see cref="OfflinePlanner.BuildAsync"/> makes.</summary>
/// <param name="Itinerary">The days.</param>
/// <param name="Budget">The totals.</param>
/// <param name="Notes">Notes for the traveller.</param>
public sealed record ItineraryDraft(Itinerary Itinerary, BudgetReport Budget, IReadOnlyList<string> Notes);
