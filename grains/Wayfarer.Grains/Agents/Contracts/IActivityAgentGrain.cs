using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The activity agent: finds places to visit that match the traveller's interests.</summary>
public interface IActivityAgentGrain : IAgentGrain
{
    /// <summary>Ranked candidates for <paramref name="days"/> days in <paramref name="city"/>.</summary>
    Task<IReadOnlyList<PlaceCandidate>> FindCandidates(ResolvedCity city, TripRequest request, int days);

    /// <summary>Places in a city matching interests (the <c>search_places</c> tool).</summary>
    Task<PlaceSearchResult> SearchPlaces(string city, IReadOnlyList<string> interests, int limit);
}
