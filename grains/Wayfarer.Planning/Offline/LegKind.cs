namespace Wayfarer.Planning.Offline;

/// <summary>Where in the trip a leg is; sets the preferred departure time.</summary>
public enum LegKind
{
    /// <summary>From the origin to the first destination (leaves early).</summary>
    Outbound,

    /// <summary>Between two destinations (leaves mid-morning).</summary>
    Onward,

    /// <summary>From the last destination home (leaves late afternoon).</summary>
    Return,
}
