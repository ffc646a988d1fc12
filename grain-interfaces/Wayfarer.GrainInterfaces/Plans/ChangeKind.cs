namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>How a value differs between two versions.</summary>
public enum ChangeKind
{
    /// <summary>Present only in the later version.</summary>
    Added,

    /// <summary>Present only in the earlier version.</summary>
    Removed,

    /// <summary>Present in both with different values.</summary>
    Changed,
}
