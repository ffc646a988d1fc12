using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Memory;

/// <summary>One shard of the shared catalog; see <see cref="ICatalogShardGrain"/>.</summary>
[GrainType("catalog-shard")]
public sealed class CatalogShardGrain(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    MemoryEmbeddingStore store,
    IOptions<MemoryOptions> options,
    TimeProvider timeProvider,
    ILogger<CatalogShardGrain> logger) : Grain, ICatalogShardGrain
{
    private readonly MemoryOptions _options = options.Value;
    private MemoryShard _shard = null!;

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var shard = this.GetPrimaryKeyLong();
        if (shard < 0 || shard >= _options.CatalogShards)
        {
            throw new InvalidOperationException($"Catalog shard {shard} does not exist: shards are numbered 0 to {_options.CatalogShards - 1}.");
        }

        _shard = new MemoryShard(generator.GetSpace(), _options.SearchParallelism, _options.HybridCandidateFactor, _options.Quantization);
        await LoadAsync(cancellationToken);
    }

    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemoryQuery query) => Task.FromResult(_shard.Search(query, timeProvider.GetUtcNow()));

    /// <inheritdoc />
    public async Task<int> ReloadAsync()
    {
        await LoadAsync(CancellationToken.None);
        return _shard.Index.Count;
    }

    /// <inheritdoc />
    public Task<MemoryStats> GetStatsAsync() => Task.FromResult(_shard.Stats());

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var shard = this.GetPrimaryKeyLong();
        var rows = await store.LoadCatalogShardAsync((int)shard, _options.CatalogShards, cancellationToken);
        var stale = _shard.Load(rows);
        if (stale.Count > 0)
        {
            // Rows embedded by another model (a model change): re-embed them into this space and persist the result.
            var vectors = await generator.EmbedManyAsync([.. stale.Select(s => s.Entry.Text)], _options.EmbeddingBatchSize, cancellationToken);
            var fresh = stale.Select((s, i) => s.Entry with { Vector = vectors[i] })
                .Select(e => new StoredEmbedding(e, _shard.Space, ContentHashes.Of(e, _shard.Space)))
                .ToList();
            await store.UpsertAsync(fresh, cancellationToken);
            fresh.ForEach(r => _shard.Index.Upsert(r.Entry, r.Space));
        }

        MemoryLog.CatalogShardLoaded(logger, shard, _options.CatalogShards, _shard.Index.Count, stale.Count);
    }
}
