using System.Globalization;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Catalog;

/// <summary>A place in the shared catalog before it is embedded.</summary>
/// <param name="Collection"><c>destinations</c>, <c>activities</c> or <c>content</c>.</param>
/// <param name="Id">A stable id such as <c>tokyo-sensoji</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Category">The category, for example <c>temple</c>.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
/// <param name="City">City name.</param>
/// <param name="Latitude">WGS 84 latitude.</param>
/// <param name="Longitude">WGS 84 longitude.</param>
/// <param name="Description">One or two sentences.</param>
public sealed record CatalogItem(string Collection, string Id, string Name, string Category, string Country, string City,
    double Latitude, double Longitude, string Description)
{
    /// <summary>The text embedded and matched in full-text search: name, category, city and description.</summary>
    public string Text => $"{Name} ({Category}, {City}). {Description}";

    /// <summary>The entry to embed, without its vector yet.</summary>
    public VectorEntry ToEntry(float[] vector) => new(Collection, Id, vector)
    {
        Text = Text,
        Category = Category,
        Country = Country,
        City = City,
        Metadata = new Dictionary<string, string>
        {
            ["name"] = Name,
            ["lat"] = Latitude.ToString("0.####", CultureInfo.InvariantCulture),
            ["lon"] = Longitude.ToString("0.####", CultureInfo.InvariantCulture),
        },
    };
}
