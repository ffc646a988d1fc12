namespace Wayfarer.Memory.Vectors;

/// <summary>Which entries a search may return. Every set criterion must hold; null criteria are ignored.</summary>
public sealed record VectorFilter
{
    /// <summary>A filter that accepts every entry.</summary>
    public static VectorFilter None { get; } = new();

    /// <summary>Only entries of these collections.</summary>
    public IReadOnlyCollection<string>? Collections { get; init; }

    /// <summary>Only entries owned by this user.</summary>
    public string? Owner { get; init; }

    /// <summary>Only entries of this category (exact, case-sensitive).</summary>
    public string? Category { get; init; }

    /// <summary>Only entries in this country.</summary>
    public string? Country { get; init; }

    /// <summary>Only entries in this city.</summary>
    public string? City { get; init; }

    /// <summary>Only entries dated at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only entries dated at or before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only entries whose metadata has every one of these key=value pairs.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Entries that expired at or before this instant are skipped; null returns expired entries too.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>Entries with these ids are skipped (for example the plan whose neighbours are wanted).</summary>
    public IReadOnlyCollection<string>? ExcludeIds { get; init; }
}
