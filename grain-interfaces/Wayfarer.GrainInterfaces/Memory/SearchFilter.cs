using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>Narrows a search; unset criteria are ignored and set ones must all hold.</summary>
[Immutable]
public sealed record SearchFilter
{
    /// <summary>No narrowing.</summary>
    public static SearchFilter None { get; } = new();

    /// <summary>Only this category.</summary>
    public string? Category { get; init; }

    /// <summary>Only this country (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>Only this city.</summary>
    public string? City { get; init; }

    /// <summary>Only items dated at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Only items dated at or before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only items whose metadata has all these key=value pairs.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Skip these ids.</summary>
    public IReadOnlyList<string>? ExcludeIds { get; init; }
}
