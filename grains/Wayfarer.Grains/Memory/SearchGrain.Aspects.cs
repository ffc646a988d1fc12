using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;

namespace Wayfarer.Grains.Memory;

/// <summary>One aspect of a query: embed, rank text, fan out (first within the named city), diversify.</summary>
public sealed partial class SearchGrain
{
    /// <summary>Round-robin over the aspects' answers, skipping repeats, so every aspect shows near the top.</summary>
    private static List<MemoryHit> Interleave(IReadOnlyList<IReadOnlyList<MemoryHit>> answers, int limit)
    {
        var merged = new List<MemoryHit>(limit);
        var seen = new HashSet<(string, string, bool)>();
        for (var rank = 0; merged.Count < limit && answers.Any(a => rank < a.Count); rank++)
        {
            foreach (var answer in answers)
            {
                if (rank < answer.Count && merged.Count < limit && seen.Add((answer[rank].Collection, answer[rank].Id, answer[rank].IsPrivate)))
                {
                    merged.Add(answer[rank]);
                }
            }
        }

        return merged;
    }

    private async Task<(IReadOnlyList<MemoryHit> Hits, int Grains)> SearchAspectAsync(
        SearchRequest request, string text, string? city, float diversity, string[] privateCollections, string[] sharedCollections)
    {
        var vector = await generator.EmbedAsync(text);
        var query = new MemoryQuery(vector, generator.GetSpace().Model, diversity > 0 ? request.Limit * _options.DiversityCandidateFactor : request.Limit)
        {
            Filter = request.Filter,
            Mode = request.Mode,
            VectorWeight = request.VectorWeight ?? _options.VectorWeight,
            TextWeight = request.TextWeight ?? _options.TextWeight,
        };
        IReadOnlyList<TextRank> ranks = request.Mode == SearchMode.Hybrid
            ? await store.RankTextAsync(text, request.UserId, privateCollections, sharedCollections, timeProvider.GetUtcNow(), _options.TextCandidates)
            : [];
        var grains = 0;
        var hits = new List<MemoryHit>();
        if (city is not null)
        {
            var (inCity, searched) = await FanOutAsync(request.UserId, query with { Filter = request.Filter with { City = city } }, privateCollections, sharedCollections, ranks);
            hits.AddRange(Diversify(inCity, request.Limit, diversity));
            grains += searched;
        }

        if (hits.Count < request.Limit)
        {
            var (anywhere, searched) = await FanOutAsync(request.UserId, query, privateCollections, sharedCollections, ranks);
            var seen = hits.Select(h => (h.Collection, h.Id, h.IsPrivate)).ToHashSet();
            var rest = anywhere.Where(c => !seen.Contains((c.Hit.Collection, c.Hit.Id, c.Hit.IsPrivate))).ToList();
            hits.AddRange(Diversify(rest, request.Limit - hits.Count, diversity));
            grains += searched;
        }

        return (hits, grains);
    }
}
