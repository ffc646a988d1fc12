using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Client.Plans;

/// <summary>The body of <c>POST /api/plans</c> (title required) and <c>PATCH /api/plans/{id}</c> (members left out are
/// unchanged).</summary>
public sealed record PlanRequest(
    string? Title,
    string? Description,
    IReadOnlyList<string>? Destinations,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? TravelerCount,
    PlanBudget? Budget,
    TravelPreferences? Preferences,
    PlanStatus? Status,
    Itinerary? Itinerary);
