namespace Wayfarer.Planning.Catalog;

/// <summary>A curated destination: one <c>Data/places/&lt;slug&gt;.json</c> file.</summary>
/// <param name="Slug">File name without extension.</param>
/// <param name="City">GeoNames name of the city.</param>
/// <param name="Country">ISO country code.</param>
/// <param name="GeonameId">GeoNames id.</param>
/// <param name="Currency">Local currency.</param>
/// <param name="Airports">IATA codes serving the city, main first.</param>
/// <param name="Costs">Cost profile in USD.</param>
/// <param name="Places">Curated places.</param>
public sealed record Destination(
    string Slug,
    string City,
    string Country,
    int GeonameId,
    string Currency,
    IReadOnlyList<string> Airports,
    CityCosts Costs,
    IReadOnlyList<Place> Places);
