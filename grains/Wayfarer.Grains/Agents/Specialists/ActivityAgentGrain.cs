using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Finds places to visit in the curated catalogue, ranked by the traveller's interests.</summary>
[GrainType("agent-activity")]
[StatelessWorker]
public sealed class ActivityAgentGrain(OfflinePlanner planner, AgentExecutionLog executions, TimeProvider timeProvider) : Grain, IActivityAgentGrain
{
    /// <summary>Most places one search returns.</summary>
    public const int MaxSearchResults = 30;

    /// <inheritdoc />
    public Task<IReadOnlyList<PlaceCandidate>> FindCandidates(ResolvedCity city, TripRequest request, int days) =>
        executions.RunAsync("activity", "find_candidates", new { city = city.Label, days, request.Interests },
            () => Task.FromResult(planner.FindCandidates(city, request, days)),
            found => new { count = found.Count, top = found.Take(10).Select(c => c.Name) });

    /// <inheritdoc />
    public Task<PlaceSearchResult> SearchPlaces(string city, IReadOnlyList<string> interests, int limit) =>
        executions.RunAsync("activity", "search_places", new { city, interests, limit }, () =>
        {
            ArgumentNullException.ThrowIfNull(city);
            var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            var request = TripRequest.Create([city], today, today, interests: interests ?? []);
            ResolvedTrip trip;
            try
            {
                trip = planner.Resolve(request);
            }
            catch (PlanningException exception)
            {
                return Task.FromResult(new PlaceSearchResult(null, [], exception.Message));
            }

            var resolved = trip.Destinations[0];
            var take = Math.Clamp(limit, 1, MaxSearchResults);
            var places = planner.FindCandidates(resolved, request, days: 7).Where(c => !c.IsGeneric).Take(take).ToList();
            return Task.FromResult(new PlaceSearchResult(resolved.Label, places, places.Count == 0 ? $"No curated places for {resolved.Label} yet." : null));
        }, found => new { found.City, count = found.Places.Count });
}
