using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Grains.Plans;

/// <summary>The persisted state of a plan (state <c>plan</c>; the <c>travel_plans</c> and <c>plan_shares</c> views
/// read it): the current content, every version, and the shares.</summary>
public sealed class PlanState
{
    public string OwnerId { get; set; } = string.Empty;

    public int Version { get; set; }

    public PlanContent? Plan { get; set; }

    /// <summary>Shares keyed by user id; an object (not an array) so SQL can test membership with <c>?</c>.</summary>
    public Dictionary<string, PlanShareEntry> Shares { get; set; } = [];

    public List<PlanVersionEntry> History { get; set; } = [];

    public string? ParentPlanId { get; set; }

    public int? ParentVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = string.Empty;
}
