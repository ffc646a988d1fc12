using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A WGS 84 position.</summary>
/// <param name="Lat">Latitude in degrees, -90 to 90.</param>
/// <param name="Lon">Longitude in degrees, -180 to 180.</param>
[Immutable]
public sealed record GeoPoint(double Lat, double Lon);
