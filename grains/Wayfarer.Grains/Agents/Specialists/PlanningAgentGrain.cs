using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Builds itineraries: allocates nights to cities, asks the transport agent for each leg and the activity agent
/// for each city's candidates, plans each day, and asks the budget agent to fit the result — the same composition as
/// <see cref="OfflinePlanner.Plan"/>, with the specialists as grains.</summary>
[GrainType("agent-planning")]
[StatelessWorker]
public sealed class PlanningAgentGrain(OfflinePlanner planner, AgentExecutionLog executions) : Grain, IPlanningAgentGrain
{
    /// <inheritdoc />
    public Task<ItineraryDraft> BuildItinerary(TripRequest request, ResolvedTrip trip) =>
        executions.RunAsync("planning", "build_itinerary", new { destinations = trip.Destinations.Select(d => d.Label), request.StartDate, request.EndDate },
            () => BuildAsync(request, trip),
            draft => new { days = draft.Itinerary.Days.Count, items = draft.Itinerary.Days.Sum(d => d.Items.Count), draft.Budget.Total, draft.Budget.WithinBudget });

    /// <inheritdoc />
    public Task<DayPlan> PlanDay(DayPlanInput input) =>
        executions.RunAsync("planning", "plan_day", new { input.Date, city = input.City?.Label, candidates = input.Candidates.Count },
            () => Task.FromResult(planner.PlanDay(input)),
            day => new { items = day.Day.Items.Count, day.UsedPlaceIds });

    private async Task<ItineraryDraft> BuildAsync(TripRequest request, ResolvedTrip trip)
    {
        var transport = GrainFactory.GetGrain<ITransportAgentGrain>(AgentKeys.Shared);
        var activities = GrainFactory.GetGrain<IActivityAgentGrain>(AgentKeys.Shared);
        var budget = GrainFactory.GetGrain<IBudgetAgentGrain>(AgentKeys.Shared);
        var stays = planner.AllocateStays(trip);
        var legs = new List<TransportLeg>();
        foreach (var leg in stays.Legs)
        {
            legs.Add(await transport.EstimateLeg(leg.From, leg.To, leg.Date, request, leg.Kind));
        }

        var frames = planner.FrameDays(trip, stays, legs);
        var candidates = new Dictionary<int, List<PlaceCandidate>>();
        foreach (var stay in stays.Stays)
        {
            if (!candidates.ContainsKey(stay.City.GeonameId))
            {
                var days = frames.Count(f => f.City?.GeonameId == stay.City.GeonameId);
                candidates[stay.City.GeonameId] = [.. await activities.FindCandidates(stay.City, request, Math.Max(1, days))];
            }
        }

        var dayPlans = new List<DayPlan>();
        foreach (var frame in frames)
        {
            var remaining = frame.City is null ? [] : candidates[frame.City.GeonameId];
            var day = planner.PlanDay(new DayPlanInput(frame.City, frame.Date, remaining, frame.ArrivalLeg, frame.DepartureLeg, frame.Lodging, request, frame.TransitLeg));
            if (frame.City is not null)
            {
                remaining.RemoveAll(c => day.UsedPlaceIds.Contains(c.PlaceId));
            }

            dayPlans.Add(day);
        }

        var fit = await budget.Fit(request, trip, new Itinerary([.. dayPlans.Select(d => d.Day)]));
        var notes = trip.Notes.Concat(stays.Notes).Concat(legs.SelectMany(l => l.Notes)).Concat(dayPlans.SelectMany(d => d.Notes)).Concat(fit.Changes)
            .Append("All prices, times and durations are offline estimates, not live prices or timetables.")
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new ItineraryDraft(fit.Itinerary, fit.Budget, notes);
    }
}

/// <summary>Grain keys of the agents.</summary>
public static class AgentKeys
{
    /// <summary>The key of the stateless specialist agents (any key works; one is used so activations are shared).</summary>
    public const string Shared = "shared";
}
