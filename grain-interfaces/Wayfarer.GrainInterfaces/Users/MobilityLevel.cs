namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A traveller's mobility needs.</summary>
public enum MobilityLevel
{
    /// <summary>No restrictions.</summary>
    Full,

    /// <summary>Limited walking; avoid stairs where possible.</summary>
    Limited,

    /// <summary>Step-free access required.</summary>
    WheelchairAccessible,
}
