using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>A search result.</summary>
/// <param name="Collection">The collection it came from.</param>
/// <param name="Id">Its id.</param>
/// <param name="Text">Its text.</param>
/// <param name="Score">The blended score used for ranking: equal to <paramref name="VectorScore"/> in vector mode.</param>
/// <param name="VectorScore">Cosine similarity to the query, −1 to 1.</param>
/// <param name="TextScore">PostgreSQL <c>ts_rank</c> scaled so the query's best match scores 1; 0 in vector mode or
/// when the words do not match.</param>
[Immutable]
public sealed record MemoryHit(string Collection, string Id, string Text, float Score, float VectorScore, float TextScore)
{
    /// <summary>The category.</summary>
    public string? Category { get; init; }

    /// <summary>The country code.</summary>
    public string? Country { get; init; }

    /// <summary>The city.</summary>
    public string? City { get; init; }

    /// <summary>The item's date.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>Whether the hit is one of the caller's private items (false: the shared catalog).</summary>
    public bool IsPrivate { get; init; }

    /// <summary>The item's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
