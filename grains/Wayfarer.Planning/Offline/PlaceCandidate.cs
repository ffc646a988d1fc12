using Wayfarer.Planning.Catalog;

namespace Wayfarer.Planning.Offline;

/// <summary>A place worth visiting, ranked for one request.</summary>
/// <param name="PlaceId">Catalogue id; for generic suggestions in uncurated cities an id starting with
/// <c>generic:</c> that is not written into plans.</param>
/// <param name="Name">Display name.</param>
/// <param name="Category">Schema category.</param>
/// <param name="Area">Neighbourhood.</param>
/// <param name="Lat">Latitude.</param>
/// <param name="Lon">Longitude.</param>
/// <param name="DurationMinutes">Planned visit length.</param>
/// <param name="TicketUsd">Adult entry in USD.</param>
/// <param name="PriceLevel">0 (free) to 4.</param>
/// <param name="Hours">Opening hours.</param>
/// <param name="Tags">Tags.</param>
/// <param name="Score">Rank score (higher first).</param>
/// <param name="MatchedInterests">Which of the request's interests it matches.</param>
/// <param name="IsGeneric">True for generic suggestions (no catalogue place).</param>
public sealed record PlaceCandidate(
    string PlaceId,
    string Name,
    string Category,
    string Area,
    double Lat,
    double Lon,
    int DurationMinutes,
    decimal TicketUsd,
    int PriceLevel,
    OpeningHours Hours,
    IReadOnlyList<string> Tags,
    double Score,
    IReadOnlyList<string> MatchedInterests,
    bool IsGeneric = false);
