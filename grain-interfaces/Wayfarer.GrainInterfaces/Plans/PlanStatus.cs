namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>Where a travel plan stands.</summary>
public enum PlanStatus
{
    /// <summary>Being sketched.</summary>
    Draft,

    /// <summary>Being planned in detail.</summary>
    Planning,

    /// <summary>Booked and confirmed.</summary>
    Confirmed,

    /// <summary>The trip happened.</summary>
    Completed,

    /// <summary>Called off.</summary>
    Cancelled,

    /// <summary>Put away.</summary>
    Archived,
}
