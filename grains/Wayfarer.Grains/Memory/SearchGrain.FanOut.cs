using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Storage;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Grains.Memory;

/// <summary>Fan-out and merge.</summary>
public sealed partial class SearchGrain
{
    private static (string[] Private, string[] Shared) Split(IReadOnlyList<string>? collections, string? userId)
    {
        if (collections is null or { Count: 0 })
        {
            return (userId is null ? [] : [.. MemoryCollections.Private], [.. MemoryCollections.Shared]);
        }

        var unknown = collections.Where(c => !MemoryCollections.IsPrivate(c) && !MemoryCollections.IsShared(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown collection(s): {string.Join(", ", unknown)}.", nameof(collections));
        }

        var privateCollections = collections.Where(MemoryCollections.IsPrivate).Distinct().ToArray();
        if (privateCollections.Length > 0 && userId is null)
        {
            throw new ArgumentException("Private collections can only be searched on behalf of a user.", nameof(userId));
        }

        return (privateCollections, [.. collections.Where(MemoryCollections.IsShared).Distinct()]);
    }

    private static IEnumerable<MemoryHit> Diversify(IReadOnlyList<(MemoryHit Hit, float[] Vector)> candidates, int limit, float diversity) =>
        diversity <= 0 || candidates.Any(c => c.Vector.Length == 0)
            ? candidates.Take(limit).Select(c => c.Hit)
            : Diversifier.Select([.. candidates.Select(c => c.Hit.Score)], [.. candidates.Select(c => c.Vector)], limit, diversity).Select(i => candidates[i].Hit);

    private async Task<(IReadOnlyList<(MemoryHit Hit, float[] Vector)> Candidates, int GrainsSearched)> FanOutAsync(string? userId, MemoryQuery query, string[] privateCollections, string[] sharedCollections, IReadOnlyList<TextRank> ranks)
    {
        var searches = new List<Task<MemorySearchResult>>();
        if (userId is not null && privateCollections.Length > 0)
        {
            var userQuery = query with
            {
                Collections = privateCollections,
                TextRanks = ranks.Where(r => r.Owner == userId).ToDictionary(r => MemoryQuery.TextRankKey(r.Collection, r.Id), r => r.Rank),
            };
            searches.Add(GrainFactory.GetGrain<IUserMemoryGrain>(userId).SearchAsync(userQuery));
        }

        if (sharedCollections.Length > 0)
        {
            var shardQuery = query with
            {
                Collections = sharedCollections,
                TextRanks = ranks.Where(r => r.Owner is null).ToDictionary(r => MemoryQuery.TextRankKey(r.Collection, r.Id), r => r.Rank),
            };
            for (var shard = 0; shard < _options.CatalogShards; shard++)
            {
                searches.Add(GrainFactory.GetGrain<ICatalogShardGrain>(shard).SearchAsync(shardQuery));
            }
        }

        var results = await Task.WhenAll(searches);
        var candidates = results
            .SelectMany(r => r.Hits.Select((h, i) => (Hit: h, Vector: i < r.Vectors.Count ? r.Vectors[i] : [])))
            .OrderByDescending(c => c.Hit.Score)
            .ThenBy(c => c.Hit.Collection, StringComparer.Ordinal)
            .ThenBy(c => c.Hit.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        return (candidates, searches.Count);
    }
}
