using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Memory.Vectors;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Memory;

/// <summary>One user's private vectors, in RAM and in <c>memory_embeddings</c>; see <see cref="IUserMemoryGrain"/>.</summary>
[GrainType("user-memory")]
public sealed partial class UserMemoryGrain(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    MemoryEmbeddingStore store,
    IOptions<MemoryOptions> options,
    TimeProvider timeProvider,
    MemoryTelemetry telemetry,
    ILogger<UserMemoryGrain> logger) : Grain, IUserMemoryGrain
{
    private readonly MemoryOptions _options = options.Value;
    private MemoryShard _shard = null!;

    private string UserId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _shard = new MemoryShard(generator.GetSpace(), _options.SearchParallelism, _options.HybridCandidateFactor, _options.Quantization);
        var now = timeProvider.GetUtcNow();
        var rows = await store.LoadOwnerAsync(UserId, cancellationToken);
        var live = rows.Where(r => r.Entry.ExpiresAt is not { } expires || expires > now).ToList();
        if (live.Count < rows.Count)
        {
            await store.DeleteExpiredAsync(UserId, now, cancellationToken);
        }

        var stale = _shard.Load(live);
        if (stale.Count > 0)
        {
            await StoreAsync([.. stale.Select(s => s.Entry)], cancellationToken);
        }

        MemoryLog.UserMemoryLoaded(logger, UserId, _shard.Index.Count, stale.Count, rows.Count - live.Count);
        RegisterGrainTimer(PruneTickAsync, _options.PruneInterval, _options.PruneInterval);
    }

    /// <inheritdoc />
    public async Task<int> UpsertAsync(MemoryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (var item in batch.Items)
        {
            Validate(item);
        }

        var now = timeProvider.GetUtcNow();
        await StoreAsync([.. batch.Items.Select(i => ToEntry(i, now))], CancellationToken.None);
        if (batch.Items.Any(i => i.Collection == MemoryCollections.AgentMemory))
        {
            await PruneSurplusAsync();
        }

        return batch.Items.Count;
    }

    /// <inheritdoc />
    public Task RememberAsync(MemoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return UpsertAsync(new MemoryBatch([item with { Collection = MemoryCollections.AgentMemory }]));
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(string collection, string id)
    {
        var deleted = await store.DeleteAsync(UserId, collection, [id]);
        return _shard.Index.Remove(collection, id) || deleted > 0;
    }

    /// <inheritdoc />
    public Task<MemoryHit?> GetAsync(string collection, string id)
    {
        var entry = _shard.Index.Get(collection, id);
        return Task.FromResult(entry is null || entry.ExpiresAt <= timeProvider.GetUtcNow() ? null : MemoryShard.ToHit(entry, 1f, 1f, 0f));
    }

    /// <inheritdoc />
    public Task<MemorySearchResult> SearchAsync(MemoryQuery query) => Task.FromResult(_shard.Search(query, timeProvider.GetUtcNow()));

    /// <inheritdoc />
    public Task<MemoryStats> GetStatsAsync() => Task.FromResult(_shard.Stats());

    /// <inheritdoc />
    public async Task<int> EraseAsync()
    {
        var deleted = await store.DeleteOwnerAsync(UserId);
        _shard.Index.Clear();
        MemoryLog.UserMemoryErased(logger, UserId, deleted);
        DeactivateOnIdle();
        return deleted;
    }

    private static void Validate(MemoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!MemoryCollections.IsPrivate(item.Collection))
        {
            throw new ArgumentException($"'{item.Collection}' is not a private collection; use one of {string.Join(", ", MemoryCollections.Private)}.", nameof(item));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(item.Id);
        ArgumentException.ThrowIfNullOrWhiteSpace(item.Text);
        if (item.Relevance is < 0 or > 1 || float.IsNaN(item.Relevance))
        {
            throw new ArgumentException("Relevance must be between 0 and 1.", nameof(item));
        }
    }

    private VectorEntry ToEntry(MemoryItem item, DateTimeOffset now)
    {
        var ttl = item.TimeToLive ?? (item.Collection == MemoryCollections.AgentMemory ? _options.AgentMemoryTimeToLive : null);
        return new VectorEntry(item.Collection, item.Id, [])
        {
            Owner = UserId,
            Text = item.Text,
            Category = item.Category,
            Country = item.Country,
            City = item.City,
            Date = item.Date,
            ExpiresAt = ttl is { } t ? now + t : null,
            Relevance = item.Relevance,
            CreatedAt = _shard.Index.Get(item.Collection, item.Id)?.CreatedAt ?? now,
            Metadata = item.Metadata ?? VectorEntry.EmptyMetadata,
        };
    }

    /// <summary>Embeds entries (ignoring any vector they carry), persists them, then indexes them.</summary>
    private async Task StoreAsync(IReadOnlyList<VectorEntry> entries, CancellationToken cancellationToken)
    {
        var vectors = await generator.EmbedManyAsync([.. entries.Select(e => e.Text)], _options.EmbeddingBatchSize, cancellationToken);
        var rows = entries.Select((e, i) => e with { Vector = vectors[i] })
            .Select(e => new StoredEmbedding(e, _shard.Space, ContentHashes.Of(e, _shard.Space)))
            .ToList();
        await store.UpsertAsync(rows, cancellationToken);
        foreach (var row in rows)
        {
            _shard.Index.Upsert(row.Entry, row.Space);
        }

        telemetry.ItemsStored.Add(rows.Count);
    }
}
