using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

/// <summary>A city the planner knows: position, currency, airports and cost profile.</summary>
/// <param name="GeonameId">GeoNames id.</param>
/// <param name="Name">City name.</param>
/// <param name="Country">ISO country code.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Currency">Local currency.</param>
/// <param name="Airports">IATA codes serving it, main first (curated, else nearest within 100 km, else the nearest
/// within 400 km).</param>
/// <param name="Costs">Cost profile in USD.</param>
/// <param name="HasCuratedPlaces">True when the catalogue has curated places for it.</param>
/// <param name="TimeZone">IANA time zone, when known.</param>
/// <param name="CostSource">Where the cost profile comes from ("curated", "nearest curated: Lyon", "global default").</param>
public sealed record ResolvedCity(
    int GeonameId,
    string Name,
    string Country,
    double Lat,
    double Lon,
    string Currency,
    IReadOnlyList<string> Airports,
    CityCosts Costs,
    bool HasCuratedPlaces,
    string? TimeZone,
    string CostSource)
{
    /// <summary>"Name, CC".</summary>
    public string Label => $"{Name}, {Country}";
}
