using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Planning.Validation;

namespace Wayfarer.Planning.Offline;

/// <summary>A complete offline plan.</summary>
/// <param name="Itinerary">Every day from start to end.</param>
/// <param name="Budget">Costs per category and day.</param>
/// <param name="Notes">Assumptions and estimates the traveller should know.</param>
/// <param name="Validation">The validator's report on the plan (clean for plans the planner makes).</param>
/// <param name="Content">The plan as <see cref="PlanContent"/>, ready to store.</param>
public sealed record PlannerResult(Itinerary Itinerary, BudgetReport Budget, IReadOnlyList<string> Notes, ValidationReport Validation, PlanContent Content);
