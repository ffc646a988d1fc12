using System.Globalization;

namespace Wayfarer.Memory.Catalog;

/// <summary>The built-in catalog: hand-written destinations and activities in about twenty cities (original data,
/// see <c>Catalog/Data/LICENSE.md</c>), embedded in this assembly as tab-separated text.</summary>
/// <remarks>Columns: collection, id, name, category, country, city, latitude, longitude, description.</remarks>
public sealed class SeedCatalog : ICatalogSource
{
    private static readonly Lazy<IReadOnlyList<CatalogItem>> s_items = new(() => Parse(ReadResource("places.tsv")));

    /// <summary>The built-in items.</summary>
    public static IReadOnlyList<CatalogItem> Items => s_items.Value;

    /// <inheritdoc />
    public IReadOnlyList<CatalogItem> Load() => Items;

    /// <summary>Parses catalog rows; blank lines and lines starting with '#' are skipped.</summary>
    /// <exception cref="FormatException">A row does not have nine columns or its coordinates do not parse.</exception>
    public static IReadOnlyList<CatalogItem> Parse(string tsv)
    {
        ArgumentNullException.ThrowIfNull(tsv);
        var items = new List<CatalogItem>();
        foreach (var (line, number) in tsv.Split('\n').Select((l, i) => (l.TrimEnd('\r'), i + 1)))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            if (c.Length != 9
                || !double.TryParse(c[6], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(c[7], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                throw new FormatException($"Catalog line {number} is malformed: expected 9 tab-separated columns with numeric coordinates.");
            }

            items.Add(new CatalogItem(c[0], c[1], c[2], c[3], c[4], c[5], lat, lon, c[8]));
        }

        return items;
    }

    internal static string ReadResource(string name)
    {
        using var stream = typeof(SeedCatalog).Assembly.GetManifestResourceStream($"Wayfarer.Memory.Catalog.{name}")
            ?? throw new InvalidOperationException($"The embedded catalog resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
