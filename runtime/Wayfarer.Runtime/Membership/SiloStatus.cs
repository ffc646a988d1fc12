namespace Wayfarer.Runtime.Membership;

/// <summary>A silo's lifecycle status in the membership table. A silo only moves forward through these.</summary>
public enum SiloStatus
{
    /// <summary>No status.</summary>
    None = 0,

    /// <summary>Registered, starting up; not yet serving.</summary>
    Joining = 1,

    /// <summary>Serving calls; eligible for placement.</summary>
    Active = 2,

    /// <summary>Draining: no new placements; deactivating its grains.</summary>
    ShuttingDown = 3,

    /// <summary>Left the cluster gracefully.</summary>
    Stopped = 4,

    /// <summary>Declared dead by its peers (or by itself).</summary>
    Dead = 5,
}
