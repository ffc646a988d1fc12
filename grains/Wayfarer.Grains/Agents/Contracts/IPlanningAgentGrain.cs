using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The planning agent: builds the day-by-day itinerary, calling the transport, activity and budget agents.</summary>
public interface IPlanningAgentGrain : IAgentGrain
{
    /// <summary>Builds the itinerary for a resolved trip (the <c>plan_trip</c> tool). The trip's own request (with the
    /// defaults <see cref="ILocationAgentGrain.Resolve"/> filled in) is the one planned.</summary>
    Task<ItineraryDraft> BuildItinerary(TripRequest request, ResolvedTrip trip);

    /// <summary>Plans one day from the given inputs (the <c>plan_day</c> tool).</summary>
    Task<DayPlan> PlanDay(DayPlanInput input);
}
