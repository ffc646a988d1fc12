using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>A search across the caller's private collections and the shared catalog.</summary>
/// <param name="Query">The user's words.</param>
[Immutable]
public sealed record SearchRequest(string Query)
{
    /// <summary>The searching user; their private collections are searched, nobody else's. Null searches the catalog only.</summary>
    public string? UserId { get; init; }

    /// <summary>The collections to search; null searches the shared catalog and, with a user, their private collections.</summary>
    public IReadOnlyList<string>? Collections { get; init; }

    /// <summary>Narrowing criteria.</summary>
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>How many hits to return, 1–100.</summary>
    /// <value>10.</value>
    public int Limit { get; init; } = 10;

    /// <summary>How to score.</summary>
    /// <value><see cref="SearchMode.Hybrid"/>.</value>
    public SearchMode Mode { get; init; } = SearchMode.Hybrid;

    /// <summary>The weight of the vector score in hybrid mode; null uses the configured default.</summary>
    public float? VectorWeight { get; init; }

    /// <summary>The weight of the full-text rank in hybrid mode; null uses the configured default.</summary>
    public float? TextWeight { get; init; }

    /// <summary>How strongly results are diversified (maximal marginal relevance), 0–1: 0 ranks by score alone; higher
    /// values let each aspect of a query ("temples and street food") show. Null uses the configured default.</summary>
    public float? Diversity { get; init; }

    /// <summary>Whether a catalog city named in the query ("… in Tokyo") narrows the search to that city when the filter
    /// names no city (results from elsewhere only fill up a short list).</summary>
    /// <value>True.</value>
    public bool InferCity { get; init; } = true;
}
