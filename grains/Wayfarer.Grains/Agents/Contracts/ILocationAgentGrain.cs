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
