using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Estimates flights between airports and ground transport by distance (estimates, not timetables).</summary>
[GrainType("agent-transport")]
[StatelessWorker]
public sealed class TransportAgentGrain(OfflinePlanner planner, AgentExecutionLog executions) : Grain, ITransportAgentGrain
{
    /// <inheritdoc />
    public Task<TransportLeg> EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind) =>
        executions.RunAsync("transport", "estimate_leg", new { from = from.Label, to = to.Label, date, kind },
            () => Task.FromResult(planner.EstimateLeg(from, to, date, request, kind)));

    /// <inheritdoc />
    public Task<TransportLeg> Estimate(string from, string to, DateOnly date, int travelers) =>
        executions.RunAsync("transport", "estimate_transport", new { from, to, date, travelers }, () =>
        {
            var request = TripRequest.Create([to], date, date, travelers: Math.Clamp(travelers, 1, 50), origin: from);
            var trip = planner.Resolve(request);
            return Task.FromResult(planner.EstimateLeg(trip.Origin!, trip.Destinations[0], date, request, LegKind.Outbound));
        });
}
