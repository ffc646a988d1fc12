namespace Wayfarer.Planning.Catalog;

/// <summary>A populated place from GeoNames.</summary>
/// <param name="Id">GeoNames id.</param>
/// <param name="Name">Name as GeoNames spells it (may carry accents).</param>
/// <param name="Ascii">ASCII spelling of the name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="Admin1">First-level administrative division code, when known.</param>
/// <param name="Lat">Latitude in degrees.</param>
/// <param name="Lon">Longitude in degrees.</param>
/// <param name="Pop">Population.</param>
public sealed record City(int Id, string Name, string? Ascii, string Country, string? Admin1, double Lat, double Lon, long Pop);
