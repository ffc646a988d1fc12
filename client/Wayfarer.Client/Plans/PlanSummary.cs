using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>A plan as listed (from the <c>travel_plans</c> view).</summary>
public sealed record PlanSummary(
    string Id,
    string Title,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string Status,
    int Version,
    string OwnerId,
    PlanRole Role,
    DateTimeOffset UpdatedAt);
