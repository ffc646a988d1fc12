using System.Numerics.Tensors;

namespace Wayfarer.Memory.Vectors;

/// <summary>Exact top-k search.</summary>
public sealed partial class VectorIndex
{
    /// <summary>Rows per parallel partition; smaller indexes are searched on the calling thread.</summary>
    private const int PartitionRows = 16_384;

    /// <summary>Finds the <paramref name="k"/> entries most similar to <paramref name="query"/> that pass the filter.</summary>
    /// <param name="query">An L2-normalised query vector of the index's dimension.</param>
    /// <param name="k">How many hits to return at most.</param>
    /// <param name="filter">Which entries qualify; null for all.</param>
    /// <param name="maxDegreeOfParallelism">The most threads to search with; 1 searches on the calling thread.</param>
    /// <param name="exact">Forces an exact scan even when the index is quantized (to measure recall).</param>
    /// <returns>Hits, best first; ties in row order.</returns>
    /// <exception cref="ArgumentException">The query's length differs from the dimension.</exception>
    public IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, VectorFilter? filter = null, int maxDegreeOfParallelism = 1, bool exact = false)
    {
        if (query.Length != _dimension)
        {
            throw new ArgumentException($"The query has {query.Length} components; the index holds {Space}.", nameof(query));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        if (!TryCompile(filter ?? VectorFilter.None, out var plan) || Count == 0)
        {
            return [];
        }

        var queryCopy = query.ToArray();
        TopK best;
        if (_codes is not null && !exact)
        {
            var codes = new sbyte[_dimension];
            Int8Kernels.Quantize(queryCopy, codes);
            var candidates = Partitioned(k * Oversample, maxDegreeOfParallelism, (start, end, top) => ScanInt8(codes, start, end, plan, top));
            best = new TopK(k);
            foreach (var (_, row) in candidates.ToSortedArray())
            {
                best.Offer(TensorPrimitives.Dot(queryCopy, _vectors.AsSpan(row * _dimension, _dimension)), row);
            }
        }
        else
        {
            best = Partitioned(k, maxDegreeOfParallelism, (start, end, top) => Scan(queryCopy, start, end, plan, top));
        }

        return [.. best.ToSortedArray().Select(h => new VectorHit(_payload[h.Row], h.Score, _vectors.AsSpan(h.Row * _dimension, _dimension).ToArray()))];
    }

    /// <summary>Candidates per requested hit that the int8 scan hands to the exact re-rank.</summary>
    /// <value>8.</value>
    public int Oversample { get; init; } = 8;

    private TopK Partitioned(int k, int maxDegreeOfParallelism, Action<int, int, TopK> scan)
    {
        var partitions = Math.Min(maxDegreeOfParallelism, (Count + PartitionRows - 1) / PartitionRows);
        var best = new TopK(k);
        if (partitions <= 1)
        {
            scan(0, Count, best);
            return best;
        }

        var partial = new TopK[partitions];
        var rowsPer = (Count + partitions - 1) / partitions;
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
        {
            partial[p] = new TopK(k);
            var start = p * rowsPer;
            scan(start, Math.Min(Count, start + rowsPer), partial[p]);
        });
        foreach (var part in partial)
        {
            part.MergeInto(best);
        }

        return best;
    }

    /// <summary>The similarity of one stored entry to <paramref name="query"/>, if the entry exists and passes the filter.</summary>
    public bool TryScore(string collection, string id, ReadOnlySpan<float> query, VectorFilter? filter, out VectorHit hit)
    {
        hit = default;
        var code = _collections.Find(collection);
        if (query.Length != _dimension || code < 0 || !_rows.TryGetValue((code, id), out var row)
            || !TryCompile(filter ?? VectorFilter.None, out var plan) || !plan.Matches(this, row))
        {
            return false;
        }

        var vector = _vectors.AsSpan(row * _dimension, _dimension);
        hit = new VectorHit(_payload[row], TensorPrimitives.Dot(query, vector), vector.ToArray());
        return true;
    }

    private void Scan(ReadOnlySpan<float> query, int start, int end, FilterPlan plan, TopK best)
    {
        var vectors = _vectors.AsSpan();
        if (plan.IsEmpty)
        {
            for (var row = start; row < end; row++)
            {
                best.Offer(TensorPrimitives.Dot(query, vectors.Slice(row * _dimension, _dimension)), row);
            }

            return;
        }

        for (var row = start; row < end; row++)
        {
            if (plan.Matches(this, row))
            {
                best.Offer(TensorPrimitives.Dot(query, vectors.Slice(row * _dimension, _dimension)), row);
            }
        }
    }

    private void ScanInt8(sbyte[] query, int start, int end, FilterPlan plan, TopK best)
    {
        var codes = _codes.AsSpan();
        var scales = _scales!;
        var filtered = !plan.IsEmpty;
        for (var row = start; row < end; row++)
        {
            if (!filtered || plan.Matches(this, row))
            {
                best.Offer(scales[row] * Int8Kernels.Dot(query, codes.Slice(row * _dimension, _dimension)), row);
            }
        }
    }

    private bool TryCompile(VectorFilter filter, out FilterPlan plan)
    {
        plan = default;
        int[]? collections = null;
        if (filter.Collections is { } names)
        {
            collections = [.. names.Select(_collections.Find).Where(c => c > 0)];
            if (collections.Length == 0)
            {
                return false;
            }
        }

        var owner = filter.Owner is null ? 0 : _owners.Find(filter.Owner);
        var category = filter.Category is null ? 0 : _categories.Find(filter.Category);
        var country = filter.Country is null ? 0 : _countries.Find(filter.Country);
        var city = filter.City is null ? 0 : _cities.Find(filter.City);
        int[]? pairs = filter.Metadata is { Count: > 0 } metadata
            ? [.. metadata.Select(p => _metadataPairs.Find(PairKey(p.Key, p.Value)))]
            : null;
        if (owner < 0 || category < 0 || country < 0 || city < 0 || (pairs is not null && pairs.Any(p => p < 0)))
        {
            return false;
        }

        HashSet<string>? excluded = filter.ExcludeIds is { Count: > 0 } ids ? [.. ids] : null;
        plan = new FilterPlan(collections, owner, category, country, city,
            filter.From?.UtcTicks ?? long.MinValue, filter.To?.UtcTicks ?? long.MaxValue,
            filter.From is not null || filter.To is not null, filter.Now?.UtcTicks ?? long.MinValue, pairs, excluded);
        return true;
    }
}
