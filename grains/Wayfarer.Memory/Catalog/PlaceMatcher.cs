using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Memory.Catalog;

/// <summary>Finds a known place name (a catalog city) mentioned in free text, ignoring case, accents and plurals, so
/// "temples in tokyo" can be narrowed to Tokyo.</summary>
/// <remarks>Thread-safe after construction. Longer names win ("New York" over "York").</remarks>
public sealed class PlaceMatcher
{
    private readonly List<(string[] Tokens, string Name)> _names;

    /// <summary>Creates a matcher for the given names.</summary>
    public PlaceMatcher(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = [.. names.Distinct(StringComparer.Ordinal)
            .Select(n => (Tokens: TextFeatures.Tokenize(n).ToArray(), Name: n))
            .Where(n => n.Tokens.Length > 0)
            .OrderByDescending(n => n.Tokens.Length)];
    }

    /// <summary>The first known name the text mentions, or null.</summary>
    public string? FindIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = TextFeatures.Tokenize(text);
        foreach (var (nameTokens, name) in _names)
        {
            for (var start = 0; start + nameTokens.Length <= tokens.Count; start++)
            {
                if (nameTokens.AsSpan().SequenceEqual(tokens.GetRange(start, nameTokens.Length).ToArray()))
                {
                    return name;
                }
            }
        }

        return null;
    }
}
