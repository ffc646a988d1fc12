namespace Wayfarer.Planning.Catalog;

/// <summary>A curated place of a destination.</summary>
/// <param name="Id">Unique id, <c>&lt;slug&gt;-&lt;short-name&gt;</c>.</param>
/// <param name="Name">Display name.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="Category">One of the schema's categories (such as <c>museum</c>).</param>
/// <param name="Area">Neighbourhood used to group a day.</param>
/// <param name="DurationMinutes">Typical visit length.</param>
/// <param name="PriceLevel">0 (free) to 4.</param>
/// <param name="TicketUsd">Adult entry in USD; 0 when free.</param>
/// <param name="Hours">Opening hours.</param>
/// <param name="Tags">Lower-case interest tags.</param>
/// <param name="GeonameId">GeoNames id of the destination it belongs to.</param>
public sealed record Place(
    string Id,
    string Name,
    double Lat,
    double Lon,
    string Category,
    string Area,
    int DurationMinutes,
    int PriceLevel,
    decimal TicketUsd,
    OpeningHours Hours,
    IReadOnlyList<string> Tags,
    int GeonameId);
