namespace Wayfarer.Planning.Catalog;

/// <summary>The curated destinations and their places. Immutable and thread-safe.</summary>
public sealed class PlaceCatalog
{
    private readonly Dictionary<int, Destination> _byGeonameId = [];
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);

    /// <summary>Indexes the destinations (the first of two with one GeoNames id wins).</summary>
    public PlaceCatalog(IEnumerable<Destination> destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var list = new List<Destination>();
        foreach (var destination in destinations.OrderBy(d => d.Slug, StringComparer.Ordinal))
        {
            list.Add(destination);
            _byGeonameId.TryAdd(destination.GeonameId, destination);
            foreach (var place in destination.Places)
            {
                _places.TryAdd(place.Id, place);
            }
        }

        Destinations = list;
    }

    /// <summary>Every destination, by slug.</summary>
    public IReadOnlyList<Destination> Destinations { get; }

    /// <summary>The destination of a GeoNames id; null when it has no curated places.</summary>
    public Destination? ByGeonameId(int geonameId) => _byGeonameId.GetValueOrDefault(geonameId);

    /// <summary>A place by id; null when unknown.</summary>
    public Place? Place(string? placeId) => placeId is null ? null : _places.GetValueOrDefault(placeId);

    /// <summary>Number of places over all destinations.</summary>
    public int PlaceCount => _places.Count;
}
