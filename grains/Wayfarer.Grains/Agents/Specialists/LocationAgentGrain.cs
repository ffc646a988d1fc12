using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Resolves places over the GeoNames/OpenFlights catalogue. Stateless: a local worker on every silo.</summary>
[GrainType("agent-location")]
[StatelessWorker]
public sealed class LocationAgentGrain(OfflinePlanner planner, AgentExecutionLog executions, TimeProvider timeProvider) : Grain, ILocationAgentGrain
{
    /// <inheritdoc />
    public Task<ResolvedTrip> Resolve(TripRequest request) =>
        executions.RunAsync("location", "resolve", request.Destinations, () => Task.FromResult(planner.Resolve(request)),
            trip => new { origin = trip.Origin?.Label, destinations = trip.Destinations.Select(d => d.Label), trip.Notes });

    /// <inheritdoc />
    public Task<CityLookup> LookupCity(string query) =>
        executions.RunAsync("location", "lookup_city", query, () =>
        {
            ArgumentNullException.ThrowIfNull(query);
            var request = TripRequest.Create([query], DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime), DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
            try
            {
                var city = planner.Resolve(request).Destinations[0];
                return Task.FromResult(new CityLookup(query, true, city, []));
            }
            catch (PlanningException exception) when (exception.Code == PlanningErrorCodes.UnknownCity)
            {
                return Task.FromResult(new CityLookup(query, false, null, exception.Suggestions));
            }
        });
}
