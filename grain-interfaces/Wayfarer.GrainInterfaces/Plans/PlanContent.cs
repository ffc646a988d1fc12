using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The editable content of a travel plan: what one version holds.</summary>
/// <param name="Title">The title.</param>
/// <param name="Description">Free text.</param>
/// <param name="Destinations">Places the trip goes to, in order.</param>
/// <param name="StartDate">First day.</param>
/// <param name="EndDate">Last day; not before <paramref name="StartDate"/>.</param>
/// <param name="TravelerCount">How many travel; at least 1.</param>
/// <param name="Budget">Total budget.</param>
/// <param name="Preferences">Preferences for this trip.</param>
/// <param name="Status">Where the plan stands.</param>
/// <param name="Itinerary">Days and items.</param>
[Immutable]
public sealed record PlanContent(
    string Title,
    string? Description,
    IReadOnlyList<string> Destinations,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int TravelerCount,
    PlanBudget? Budget,
    TravelPreferences? Preferences,
    PlanStatus Status,
    Itinerary Itinerary)
{
    /// <summary>Days from start to end inclusive; null unless both dates are set.</summary>
    public int? DurationDays => StartDate is { } start && EndDate is { } end ? end.DayNumber - start.DayNumber + 1 : null;
}
