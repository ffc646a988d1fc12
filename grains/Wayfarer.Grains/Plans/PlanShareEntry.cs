using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Grains.Plans;

/// <summary>A persisted share of a plan.</summary>
public sealed class PlanShareEntry
{
    public PlanRole Role { get; set; }

    public string GrantedBy { get; set; } = string.Empty;

    public DateTimeOffset GrantedAt { get; set; }
}
