using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>An item to embed and store: the grain that owns the collection makes the vector from <see cref="Text"/>.</summary>
/// <param name="Collection">The collection (see <see cref="MemoryCollections"/>).</param>
/// <param name="Id">The id, unique within the collection (and user).</param>
/// <param name="Text">The text to embed and to match in full-text search.</param>
[Immutable]
public sealed record MemoryItem(string Collection, string Id, string Text)
{
    /// <summary>A category such as <c>temple</c>, <c>food</c>, <c>museum</c>.</summary>
    public string? Category { get; init; }

    /// <summary>An ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; init; }

    /// <summary>A city name.</summary>
    public string? City { get; init; }

    /// <summary>The date the item is about (a plan's start date, an event's day).</summary>
    public DateTimeOffset? Date { get; init; }

    /// <summary>How long the item lives; null uses the collection's default (agent memory expires, the rest does not).</summary>
    public TimeSpan? TimeToLive { get; init; }

    /// <summary>How useful the item is, 0–1; pruning drops the least relevant agent memories first.</summary>
    /// <value>1.</value>
    public float Relevance { get; init; } = 1f;

    /// <summary>Free-form attributes (for example <c>lat</c>, <c>lon</c>, <c>name</c>, <c>price</c>).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
