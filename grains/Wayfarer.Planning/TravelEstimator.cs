using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning;

/// <summary>Travel time between two points in a city, shared by the planner and the validator so that every plan
/// the planner makes passes the validator's check.</summary>
/// <remarks>Street distance is the great-circle distance times 1.3. Walking (4.5 km/h; 3 km/h with limited
/// mobility) is used when it is quicker than transit (15 min wait and access plus 20 km/h); wheelchair users always
/// get transit or taxi. Minutes are rounded up to 5. The function is monotone and subadditive in distance, so
/// removing an item from a feasible day never makes the remaining gaps too short.</remarks>
public static class TravelEstimator
{
    /// <summary>Street distance factor over the great-circle distance.</summary>
    public const double DetourFactor = 1.3;

    /// <summary>Estimated minutes (rounded up to 5) and the mode ("walk" or "transit").</summary>
    public static (int Minutes, string Mode) Estimate(double lat1, double lon1, double lat2, double lon2, MobilityLevel mobility = MobilityLevel.Full)
    {
        var km = GeoMath.DistanceKm(lat1, lon1, lat2, lon2) * DetourFactor;
        if (km < 0.05)
        {
            return (0, "walk");
        }

        var walkKmh = mobility == MobilityLevel.Limited ? 3.0 : 4.5;
        var walk = mobility == MobilityLevel.WheelchairAccessible ? double.MaxValue : km / walkKmh * 60;
        var transit = 15 + (km / 20 * 60);
        var (minutes, mode) = walk <= transit ? (walk, "walk") : (transit, "transit");
        return (RoundUp(minutes), mode);
    }

    /// <summary>Rounds minutes up to a multiple of 5.</summary>
    public static int RoundUp(double minutes) => (int)(Math.Ceiling(Math.Round(minutes, 6) / 5) * 5);
}
