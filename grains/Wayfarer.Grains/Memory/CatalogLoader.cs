using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Memory;

/// <summary>Embeds the catalog into PostgreSQL in batches, idempotently: items whose content hash (text, attributes and
/// model) is already stored are neither re-embedded nor rewritten. Then every shard reloads.</summary>
public sealed class CatalogLoader(
    ICatalogSource source,
    IEmbeddingGenerator<string, Embedding<float>> generator,
    MemoryEmbeddingStore store,
    IGrainFactory grainFactory,
    IOptions<MemoryOptions> options,
    ILogger<CatalogLoader> logger)
{
    /// <summary>Loads the catalog.</summary>
    public async Task<CatalogLoadResult> LoadAsync(CancellationToken cancellationToken = default)
    {
        var space = generator.GetSpace();
        var items = source.Load();
        var stored = await store.CatalogHashesAsync(cancellationToken);
        var pending = items
            .Select(item => (Item: item, Entry: item.ToEntry([])))
            .Select(p => (p.Item, p.Entry, Hash: ContentHashes.Of(p.Entry, space)))
            .Where(p => !stored.TryGetValue((p.Item.Collection, p.Item.Id), out var hash) || hash != p.Hash)
            .ToList();
        var changed = 0;
        if (pending.Count > 0)
        {
            var vectors = await generator.EmbedManyAsync([.. pending.Select(p => p.Entry.Text)], options.Value.EmbeddingBatchSize, cancellationToken);
            var rows = pending.Select((p, i) => new StoredEmbedding(p.Entry with { Vector = vectors[i] }, space, p.Hash)).ToList();
            changed = await store.UpsertAsync(rows, cancellationToken);
        }

        var shards = options.Value.CatalogShards;
        await Task.WhenAll(Enumerable.Range(0, shards).Select(s => grainFactory.GetGrain<ICatalogShardGrain>(s).ReloadAsync()));
        MemoryLog.CatalogLoaded(logger, items.Count, pending.Count, changed, shards);
        return new CatalogLoadResult(items.Count, changed, shards);
    }
}
