using Wayfarer.GrainInterfaces.Memory;

namespace Wayfarer.Client.Search;

/// <summary>One search, recommendation or similar-plan result.</summary>
/// <param name="Collection">The collection it came from (for example <c>activities</c> or <c>travel_plans</c>).</param>
/// <param name="Id">Its id within the collection (a plan id for <c>travel_plans</c>).</param>
/// <param name="Text">The text that was matched.</param>
/// <param name="Score">The ranking score.</param>
/// <param name="VectorScore">Cosine similarity to the query, −1 to 1.</param>
/// <param name="TextScore">Full-text rank, 0 to 1 (0 in vector mode).</param>
/// <param name="Category">The category, if any.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code, if any.</param>
/// <param name="City">The city, if any.</param>
/// <param name="Date">The item's date, if any.</param>
/// <param name="IsPrivate">True for the caller's own items; false for the shared catalog.</param>
/// <param name="Metadata">Free-form attributes (name, lat, lon...).</param>
public sealed record SearchHitResponse(
    string Collection,
    string Id,
    string Text,
    float Score,
    float VectorScore,
    float TextScore,
    string? Category,
    string? Country,
    string? City,
    DateTimeOffset? Date,
    bool IsPrivate,
    IReadOnlyDictionary<string, string> Metadata)
{
    internal static SearchHitResponse From(MemoryHit hit) => new(
        hit.Collection, hit.Id, hit.Text, hit.Score, hit.VectorScore, hit.TextScore, hit.Category, hit.Country, hit.City, hit.Date,
        hit.IsPrivate, hit.Metadata);
}
