using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Grains.Plans;

/// <summary>One persisted version of a plan: full content plus who, when and what kind of change.</summary>
public sealed class PlanVersionEntry
{
    public int Version { get; set; }

    public string AuthorId { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Change { get; set; } = string.Empty;

    public PlanContent? Content { get; set; }
}
