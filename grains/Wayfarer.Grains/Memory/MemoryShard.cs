using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Grains.Memory;

/// <summary>The in-RAM part of a memory grain: one <see cref="VectorIndex"/> and the search logic (vector or hybrid)
/// shared by user grains and catalog shards.</summary>
internal sealed class MemoryShard(EmbeddingSpace space, int parallelism, int candidateFactor, VectorQuantization quantization)
{
    public VectorIndex Index { get; } = new(space, quantization: quantization);

    public EmbeddingSpace Space => Index.Space;

    /// <summary>Indexes the rows of this shard's space; returns the rows of any other space (to re-embed).</summary>
    public List<StoredEmbedding> Load(IEnumerable<StoredEmbedding> rows)
    {
        Index.Clear();
        var stale = new List<StoredEmbedding>();
        foreach (var row in rows)
        {
            if (row.Space == Space && row.Entry.Vector.Length == Space.Dimension)
            {
                Index.Upsert(row.Entry, row.Space);
            }
            else
            {
                stale.Add(row);
            }
        }

        return stale;
    }

    public MemorySearchResult Search(MemoryQuery query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var querySpace = new EmbeddingSpace(query.Model, query.Vector.Length);
        if (querySpace != Space)
        {
            throw new EmbeddingSpaceMismatchException(Space, querySpace);
        }

        var filter = ToVectorFilter(query, now);
        if (query.Mode == SearchMode.Vector)
        {
            var hits = Index.Search(query.Vector, query.Limit, filter, parallelism);
            return new MemorySearchResult([.. hits.Select(h => ToHit(h.Entry, h.Score, h.Score, 0f))]) { Vectors = [.. hits.Select(h => h.Vector)] };
        }

        var candidates = Index.Search(query.Vector, query.Limit * candidateFactor, filter, parallelism).ToDictionary(h => (h.Entry.Collection, h.Entry.Id));
        var ranks = query.TextRanks ?? new Dictionary<string, float>();
        foreach (var key in ranks.Keys)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var (collection, id) = (key[..slash], key[(slash + 1)..]);
            if (!candidates.ContainsKey((collection, id)) && Index.TryScore(collection, id, query.Vector, filter, out var hit))
            {
                candidates[(collection, id)] = hit;
            }
        }

        var blended = candidates.Values
            .Select(h =>
            {
                var text = ranks.GetValueOrDefault(MemoryQuery.TextRankKey(h.Entry.Collection, h.Entry.Id));
                return (Hit: ToHit(h.Entry, (query.VectorWeight * h.Score) + (query.TextWeight * text), h.Score, text), h.Vector);
            })
            .OrderByDescending(h => h.Hit.Score)
            .ThenBy(h => h.Hit.Id, StringComparer.Ordinal)
            .Take(query.Limit)
            .ToList();
        return new MemorySearchResult([.. blended.Select(b => b.Hit)]) { Vectors = [.. blended.Select(b => b.Vector)] };
    }

    public MemoryStats Stats() => new(
        Index.Count,
        Space.Model,
        Space.Dimension,
        Index.Entries().GroupBy(e => e.Collection).ToDictionary(g => g.Key, g => g.Count()));

    public static MemoryHit ToHit(VectorEntry entry, float score, float vectorScore, float textScore) =>
        new(entry.Collection, entry.Id, entry.Text, score, vectorScore, textScore)
        {
            Category = entry.Category,
            Country = entry.Country,
            City = entry.City,
            Date = entry.Date,
            IsPrivate = entry.Owner is not null,
            Metadata = entry.Metadata,
        };

    private static VectorFilter ToVectorFilter(MemoryQuery query, DateTimeOffset now) => new()
    {
        Collections = query.Collections,
        Category = query.Filter.Category,
        Country = query.Filter.Country,
        City = query.Filter.City,
        From = query.Filter.From,
        To = query.Filter.To,
        Metadata = query.Filter.Metadata,
        ExcludeIds = query.Filter.ExcludeIds,
        Now = now,
    };
}
