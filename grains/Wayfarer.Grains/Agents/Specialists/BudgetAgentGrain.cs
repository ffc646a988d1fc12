using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Totals itineraries and fits them to the traveller's budget.</summary>
[GrainType("agent-budget")]
[StatelessWorker]
public sealed class BudgetAgentGrain(OfflinePlanner planner, AgentExecutionLog executions) : Grain, IBudgetAgentGrain
{
    /// <inheritdoc />
    public Task<BudgetReport> Check(TripRequest request, Itinerary itinerary) =>
        executions.RunAsync("budget", "check_budget", new { request.Budget, request.Currency, days = itinerary.Days.Count },
            () => Task.FromResult(planner.CheckBudget(request, itinerary)),
            report => new { report.Total, report.Budget, report.WithinBudget });

    /// <inheritdoc />
    public Task<BudgetFit> Fit(TripRequest request, ResolvedTrip trip, Itinerary itinerary) =>
        executions.RunAsync("budget", "fit_budget", new { request.Budget, request.Currency, days = itinerary.Days.Count },
            () => Task.FromResult(planner.FitBudget(request, trip, itinerary)),
            fit => new { fit.Budget.Total, fit.Budget.Budget, fit.Budget.WithinBudget, fit.Changes });
}
