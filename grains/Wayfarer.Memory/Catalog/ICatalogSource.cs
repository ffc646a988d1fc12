namespace Wayfarer.Memory.Catalog;

/// <summary>Supplies the shared catalog to embed.</summary>
public interface ICatalogSource
{
    /// <summary>Every catalog item.</summary>
    IReadOnlyList<CatalogItem> Load();
}
