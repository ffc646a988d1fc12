using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>Overrides of the plan's own fields for one run (all optional).</summary>
[Immutable]
public sealed record TripOverrides(
    IReadOnlyList<string>? Destinations = null,
    string? Origin = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    int? Travelers = null,
    decimal? Budget = null,
    decimal? DailyBudget = null,
    string? Currency = null,
    IReadOnlyList<string>? Interests = null,
    Wayfarer.GrainInterfaces.Users.TravelPace? Pace = null,
    Wayfarer.GrainInterfaces.Users.BudgetLevel? BudgetLevel = null);
