using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>One grain's share of a search: the query already embedded, and (in hybrid mode) the full-text ranks the
/// search facade read from PostgreSQL. Passed without copying; the vector must not be changed.</summary>
/// <param name="Vector">The L2-normalised query vector.</param>
/// <param name="Model">The model that made <paramref name="Vector"/>; a grain of another space refuses the query.</param>
/// <param name="Limit">How many hits to return.</param>
[Immutable]
public sealed record MemoryQuery(float[] Vector, string Model, int Limit)
{
    /// <summary>The collections to search; null searches every collection the grain holds.</summary>
    public IReadOnlyList<string>? Collections { get; init; }

    /// <summary>Narrowing criteria.</summary>
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>How to score.</summary>
    public SearchMode Mode { get; init; } = SearchMode.Vector;

    /// <summary>Weight of the vector score (hybrid).</summary>
    /// <value>0.7.</value>
    public float VectorWeight { get; init; } = 0.7f;

    /// <summary>Weight of the text rank (hybrid).</summary>
    /// <value>0.3.</value>
    public float TextWeight { get; init; } = 0.3f;

    /// <summary>Full-text ranks (0–1) keyed by <see cref="TextRankKey"/>, for the items this grain holds.</summary>
    public IReadOnlyDictionary<string, float>? TextRanks { get; init; }

    /// <summary>The key of <see cref="TextRanks"/>.</summary>
    public static string TextRankKey(string collection, string id) => string.Concat(collection, "/", id);
}
