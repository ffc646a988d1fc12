namespace Wayfarer.Memory.Vectors;

/// <summary>One vector with the attributes searches filter on and the payload they return.</summary>
/// <param name="Collection">The collection, for example <c>destinations</c>.</param>
/// <param name="Id">The id, unique within the collection (and owner).</param>
/// <param name="Vector">The L2-normalised vector; the index copies it into its own buffer.</param>
public sealed record VectorEntry(string Collection, string Id, float[] Vector)
{
    /// <summary>The owning user; null for the shared catalog.</summary>
    public string? Owner { get; init; }

    /// <summary>The text the vector was made from.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>A category such as <c>temple</c> or <c>food</c>.</summary>
    public string? Category { get; init; }

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; init; }

    /// <summary>A city name.</summary>
    public string? City { get; init; }

    /// <summary>The date the entry is about (a plan's start, an event's day), for date-range filters.</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>When the entry stops being returned; null never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How useful the entry has proven, 0–1; pruning drops the least relevant first.</summary>
    public float Relevance { get; init; } = 1f;

    /// <summary>When the entry was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Free-form attributes; filters match key=value exactly.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    /// <summary>An empty metadata map.</summary>
    public static IReadOnlyDictionary<string, string> EmptyMetadata { get; } = new Dictionary<string, string>();
}
