using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The budget agent: totals an itinerary and fits it to the budget.</summary>
public interface IBudgetAgentGrain : IAgentGrain
{
    /// <summary>Totals by category and day against the budget (the <c>check_budget</c> tool).</summary>
    Task<BudgetReport> Check(TripRequest request, Itinerary itinerary);

    /// <summary>Makes the itinerary fit the budget (cheaper lodging, free places instead of paid ones, cheaper meals).</summary>
    /// <exception cref="PlanningException">Code <c>budget_too_low</c> with the minimum when it cannot fit.</exception>
    Task<BudgetFit> Fit(TripRequest request, ResolvedTrip trip, Itinerary itinerary);
}
