namespace Wayfarer.GrainInterfaces.Users;

/// <summary>How full a traveller likes days to be.</summary>
public enum TravelPace
{
    /// <summary>Few activities a day.</summary>
    Relaxed,

    /// <summary>A mix.</summary>
    Balanced,

    /// <summary>As much as fits.</summary>
    Packed,
}
