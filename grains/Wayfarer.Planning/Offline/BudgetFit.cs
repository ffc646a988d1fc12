using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Offline;

/// <summary>An itinerary brought within budget.</summary>
/// <param name="Itinerary">The itinerary (unchanged when it already fit).</param>
/// <param name="Budget">Its budget report.</param>
/// <param name="Changes">What was changed to fit, in order.</param>
public sealed record BudgetFit(Itinerary Itinerary, BudgetReport Budget, IReadOnlyList<string> Changes);
