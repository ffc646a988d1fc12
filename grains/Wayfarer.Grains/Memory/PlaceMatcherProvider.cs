using Wayfarer.Memory.Catalog;

namespace Wayfarer.Grains.Memory;

/// <summary>Holds a <see cref="PlaceMatcher"/> over the catalog's cities, built once.</summary>
public sealed class PlaceMatcherProvider(ICatalogSource catalog)
{
    private readonly Lazy<PlaceMatcher> _matcher = new(() => new PlaceMatcher(catalog.Load().Select(i => i.City)));

    /// <summary>The matcher.</summary>
    public PlaceMatcher Matcher => _matcher.Value;
}
