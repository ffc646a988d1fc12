using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The location agent: resolves places named by the traveller to GeoNames cities, airports and cost profiles.</summary>
public interface ILocationAgentGrain : IAgentGrain
{
    /// <summary>Validates the request and resolves its origin and destinations.</summary>
    /// <exception cref="PlanningException">Invalid request or unknown city (with suggestions).</exception>
    Task<ResolvedTrip> Resolve(TripRequest request);

    /// <summary>Looks one place name up (the <c>resolve_city</c> tool).</summary>
    Task<CityLookup> LookupCity(string query);
}

/// <summary>The activity agent: finds places to visit that match the traveller's interests.</summary>
public interface IActivityAgentGrain : IAgentGrain
{
    /// <summary>Ranked candidates for <paramref name="days"/> days in <paramref name="city"/>.</summary>
    Task<IReadOnlyList<PlaceCandidate>> FindCandidates(ResolvedCity city, TripRequest request, int days);

    /// <summary>Places in a city matching interests (the <c>search_places</c> tool).</summary>
    Task<PlaceSearchResult> SearchPlaces(string city, IReadOnlyList<string> interests, int limit);
}

/// <summary>The transport agent: estimates flights and ground transport between cities.</summary>
public interface ITransportAgentGrain : IAgentGrain
{
    /// <summary>Estimates one leg of a trip.</summary>
    Task<TransportLeg> EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind);

    /// <summary>Estimates travel between two named cities (the <c>estimate_transport</c> tool).</summary>
    Task<TransportLeg> Estimate(string from, string to, DateOnly date, int travelers);
}

/// <summary>The budget agent: totals an itinerary and fits it to the budget.</summary>
public interface IBudgetAgentGrain : IAgentGrain
{
    /// <summary>Totals by category and day against the budget (the <c>check_budget</c> tool).</summary>
    Task<BudgetReport> Check(TripRequest request, Itinerary itinerary);

    /// <summary>Makes the itinerary fit the budget (cheaper lodging, free places instead of paid ones, cheaper meals).</summary>
    /// <exception cref="PlanningException">Code <c>budget_too_low</c> with the minimum when it cannot fit.</exception>
    Task<BudgetFit> Fit(TripRequest request, ResolvedTrip trip, Itinerary itinerary);
}

/// <summary>The planning agent: builds the day-by-day itinerary, calling the transport, activity and budget agents.</summary>
public interface IPlanningAgentGrain : IAgentGrain
{
    /// <summary>Builds the itinerary for a resolved trip (the <c>plan_trip</c> tool). The trip's own request (with the
    /// defaults <see cref="ILocationAgentGrain.Resolve"/> filled in) is the one planned.</summary>
    Task<ItineraryDraft> BuildItinerary(TripRequest request, ResolvedTrip trip);

    /// <summary>Plans one day from the given inputs (the <c>plan_day</c> tool).</summary>
    Task<DayPlan> PlanDay(DayPlanInput input);
}

/// <summary>A resolved city name.</summary>
/// <param name="Query">What was asked.</param>
/// <param name="Found">Whether it resolved.</param>
/// <param name="City">The city.</param>
/// <param name="Suggestions">Near misses when not found.</param>
[Immutable]
public sealed record CityLookup(string Query, bool Found, ResolvedCity? City, IReadOnlyList<string> Suggestions);

/// <summary>Places found in a city.</summary>
/// <param name="City">The city, when known.</param>
/// <param name="Places">The places, best first.</param>
/// <param name="Message">Why there are none, if so.</param>
[Immutable]
public sealed record PlaceSearchResult(string? City, IReadOnlyList<PlaceCandidate> Places, string? Message);
