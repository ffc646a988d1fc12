namespace Wayfarer.Memory.Catalog;

/// <summary>A query and the catalog ids a good answer contains.</summary>
/// <param name="Query">The query text.</param>
/// <param name="ExpectedIds">The relevant ids.</param>
public sealed record LabelledQuery(string Query, IReadOnlyList<string> ExpectedIds)
{
    /// <summary>The labelled queries over <see cref="SeedCatalog"/>, for search-quality tests and benchmarks.</summary>
    public static IReadOnlyList<LabelledQuery> SeedQueries { get; } = [.. SeedCatalog.ReadResource("queries.tsv")
        .Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .Where(l => l.Length > 0 && l[0] != '#')
        .Select(l => l.Split('\t'))
        .Select(c => new LabelledQuery(c[0], c[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))];

    /// <summary>The share of the expected ids found among the first <paramref name="k"/> returned (capped at
    /// <paramref name="k"/> expected ids), 0–1.</summary>
    public double RecallAt(int k, IEnumerable<string> returnedIds)
    {
        ArgumentNullException.ThrowIfNull(returnedIds);
        var top = returnedIds.Take(k).ToHashSet(StringComparer.Ordinal);
        var wanted = Math.Min(k, ExpectedIds.Count);
        return wanted == 0 ? 1 : (double)ExpectedIds.Count(top.Contains) / wanted;
    }
}
