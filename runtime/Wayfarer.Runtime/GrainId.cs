namespace Wayfarer.Runtime;

/// <summary>Identifies a grain: its grain type name and its full key.</summary>
/// <remarks>
/// The key is kept exactly as given: a string key is never parsed, so keys containing any character
/// (including <c>/</c>, <c>+</c> or whitespace) round-trip losslessly. Guid keys use the 32-digit "N"
/// form, integer keys their invariant decimal form and compound keys <c>{primary}+{extension}</c>;
/// the primary part of a compound key never contains <c>+</c>, so the split is unambiguous.
/// </remarks>
public readonly record struct GrainId
{
    /// <summary>Creates a grain id.</summary>
    /// <param name="type">The grain type name (see <see cref="GrainTypeAttribute"/>).</param>
    /// <param name="key">The full key, as described in the type's remarks.</param>
    public GrainId(string type, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(key);
        Type = type;
        Key = key;
    }

    /// <summary>The grain type name; part of the storage key, so two grain types never share state.</summary>
    public string Type { get; }

    /// <summary>The full key in canonical text form.</summary>
    public string Key { get; }

    /// <summary>Whether this is the default (empty) id.</summary>
    public bool IsDefault => Type is null;

    /// <summary>Builds the canonical key text for a Guid key.</summary>
    public static string KeyOf(Guid key) => key.ToString("N");

    /// <summary>Builds the canonical key text for an integer key.</summary>
    public static string KeyOf(long key) => key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Builds the canonical key text for a compound Guid key.</summary>
    public static string KeyOf(Guid key, string? extension) => extension is null ? KeyOf(key) : KeyOf(key) + "+" + extension;

    /// <summary>Builds the canonical key text for a compound integer key.</summary>
    public static string KeyOf(long key, string? extension) => extension is null ? KeyOf(key) : KeyOf(key) + "+" + extension;

    /// <summary>Parses the text form produced by <see cref="ToString"/> (<c>type/key</c>).</summary>
    /// <exception cref="FormatException">The text has no <c>/</c> separator or an empty type.</exception>
    public static GrainId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new FormatException($"'{text}' is not a grain id; expected 'type/key'.");
        }

        return new GrainId(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>The text form <c>type/key</c>; the type never contains <c>/</c>, so it parses back losslessly.</summary>
    public override string ToString() => $"{Type}/{Key}";
}
