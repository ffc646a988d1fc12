using System.Text.RegularExpressions;

namespace Wayfarer.Memory.Catalog;

/// <summary>Splits a query that joins several wishes ("temples and street food in Tokyo") into its aspects, so each
/// can be searched on its own and the answers interleaved instead of one aspect drowning the others.</summary>
public static partial class QueryAspects
{
    /// <summary>The most aspects a query is split into.</summary>
    public const int MaxAspects = 4;

    /// <summary>The aspects of <paramref name="query"/>; the query itself when it has only one. Text after the last
    /// aspect's first "in"/"near"/"around" (the place) is appended to every aspect.</summary>
    public static IReadOnlyList<string> Split(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parts = Separator().Split(query).Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return [query];
        }

        var last = parts[^1];
        var place = Place().Match(last);
        var context = place.Success ? last[place.Index..].Trim() : string.Empty;
        if (place.Success)
        {
            parts[^1] = last[..place.Index].Trim();
        }

        return [.. parts.Where(p => p.Length > 0).Take(MaxAspects).Select(p => context.Length == 0 ? p : $"{p} {context}")];
    }

    [GeneratedRegex(@"\s*(?:,|;|&|\+|\band\b|\bplus\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"\b(?:in|near|around|at)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Place();
}
