using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Builds itineraries: allocates nights to cities, asks the transport agent for each leg and the activity agent
/// for each city's candidates, plans each day, and asks the budget agent to fit the result — the same composition as
/// <see cref="OfflinePlanner.Plan"/> (<see cref="OfflinePlanner.BuildAsync"/>), with the specialists as grains.</summary>
[GrainType("agent-planning")]
[StatelessWorker]
public sealed class PlanningAgentGrain(OfflinePlanner planner, AgentExecutionLog executions) : Grain, IPlanningAgentGrain
{
    /// <inheritdoc />
    public Task<ItineraryDraft> BuildItinerary(TripRequest request, ResolvedTrip trip) =>
        executions.RunAsync("planning", "build_itinerary", new { destinations = trip.Destinations.Select(d => d.Label), request.StartDate, request.EndDate },
            () => BuildAsync(trip),
            draft => new { days = draft.Itinerary.Days.Count, items = draft.Itinerary.Days.Sum(d => d.Items.Count), draft.Budget.Total, draft.Budget.WithinBudget });

    /// <inheritdoc />
    public Task<DayPlan> PlanDay(DayPlanInput input) =>
        executions.RunAsync("planning", "plan_day", new { input.Date, city = input.City?.Label, candidates = input.Candidates.Count },
            () => Task.FromResult(planner.PlanDay(input)),
            day => new { items = day.Day.Items.Count, day.UsedPlaceIds });

    private async Task<ItineraryDraft> BuildAsync(ResolvedTrip trip) =>
        await planner.BuildAsync(trip, new AgentSteps(
            GrainFactory.GetGrain<ITransportAgentGrain>(AgentKeys.Shared),
            GrainFactory.GetGrain<IActivityAgentGrain>(AgentKeys.Shared),
            GrainFactory.GetGrain<IBudgetAgentGrain>(AgentKeys.Shared)));

    /// <summary>The specialist steps done by the transport, activity and budget agents.</summary>
    private sealed class AgentSteps(ITransportAgentGrain transport, IActivityAgentGrain activities, IBudgetAgentGrain budget) : IPlannerSteps
    {
        public async ValueTask<TransportLeg> EstimateLegAsync(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind) =>
            await transport.EstimateLeg(from, to, date, request, kind);

        public async ValueTask<IReadOnlyList<PlaceCandidate>> FindCandidatesAsync(ResolvedCity city, TripRequest request, int days) =>
            await activities.FindCandidates(city, request, days);

        public async ValueTask<BudgetFit> FitBudgetAsync(TripRequest request, ResolvedTrip trip, Itinerary itinerary) =>
            await budget.Fit(request, trip, itinerary);
    }
}
