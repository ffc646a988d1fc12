using Wayfarer.Memory.Catalog;

namespace Wayfarer.Memory.Tests.Support;

/// <summary>A catalog the test controls.</summary>
internal sealed class TestCatalog(IReadOnlyList<CatalogItem> items) : ICatalogSource
{
    public IReadOnlyList<CatalogItem> Items { get; set; } = items;

    public IReadOnlyList<CatalogItem> Load() => Items;

    public static CatalogItem Place(string collection, string id, string name, string category, string city, string description) =>
        new(collection, id, name, category, "XX", city, 0, 0, description);
}
