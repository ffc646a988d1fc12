using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Client.Plans;

/// <summary>A plan as the API reads it.</summary>
public sealed record PlanResponse(
    string Id,
    string Title,
    string? Description,
    IReadOnlyList<string> Destinations,
    DateOnly? StartDate,
    DateOnly? EndDate,
    int? DurationDays,
    int TravelerCount,
    PlanBudget? Budget,
    TravelPreferences? Preferences,
    PlanStatus Status,
    int Version,
    Itinerary Itinerary,
    string OwnerId,
    PlanRole Role,
    string? ParentPlanId,
    int? ParentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy)
{
    public static PlanResponse From(PlanSnapshot s) => new(
        s.Id, s.Content.Title, s.Content.Description, s.Content.Destinations, s.Content.StartDate, s.Content.EndDate, s.Content.DurationDays,
        s.Content.TravelerCount, s.Content.Budget, s.Content.Preferences, s.Content.Status, s.Version, s.Content.Itinerary, s.OwnerId,
        s.CallerRole, s.ParentPlanId, s.ParentVersion, s.CreatedAt, s.UpdatedAt, s.UpdatedBy);
}
