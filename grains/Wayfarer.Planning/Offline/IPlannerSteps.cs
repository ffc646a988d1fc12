using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Offline;

/// <summary>The steps of <see cref="OfflinePlanner.BuildAsync"/> that specialists do: transport legs, place candidates
/// and the budget fit. <see cref="OfflinePlanner.Plan"/> does them itself; the planning agent asks the transport,
/// activity and budget agents.</summary>
public interface IPlannerSteps
{
    /// <summary>Estimates one journey (see <see cref="OfflinePlanner.EstimateLeg(ResolvedCity, ResolvedCity, DateOnly, TripRequest, LegKind)"/>).</summary>
    ValueTask<TransportLeg> EstimateLegAsync(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind);

    /// <summary>Ranks a city's candidates (see <see cref="OfflinePlanner.FindCandidates"/>).</summary>
    ValueTask<IReadOnlyList<PlaceCandidate>> FindCandidatesAsync(ResolvedCity city, TripRequest request, int days);

    /// <summary>Fits the itinerary to the budget (see <see cref="OfflinePlanner.FitBudget"/>).</summary>
    ValueTask<BudgetFit> FitBudgetAsync(TripRequest request, ResolvedTrip trip, Itinerary itinerary);
}
