using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>Turns requests into plan content: a full new plan, or a patch over the current content.</summary>
internal static class PlanMapping
{
    public static PlanContent ToNew(PlanRequest r) => new(
        r.Title!.Trim(), r.Description, r.Destinations ?? [], r.StartDate, r.EndDate, r.TravelerCount ?? 1, Normalize(r.Budget), r.Preferences,
        r.Status ?? PlanStatus.Draft, r.Itinerary ?? Itinerary.Empty);

    public static PlanContent Apply(PlanContent current, PlanRequest r) => new(
        r.Title?.Trim() ?? current.Title,
        r.Description ?? current.Description,
        r.Destinations ?? current.Destinations,
        r.StartDate ?? current.StartDate,
        r.EndDate ?? current.EndDate,
        r.TravelerCount ?? current.TravelerCount,
        Normalize(r.Budget) ?? current.Budget,
        r.Preferences ?? current.Preferences,
        r.Status ?? current.Status,
        r.Itinerary ?? current.Itinerary);

    private static PlanBudget? Normalize(PlanBudget? budget) => budget is null ? null : budget with { Currency = budget.Currency.ToUpperInvariant() };
}
