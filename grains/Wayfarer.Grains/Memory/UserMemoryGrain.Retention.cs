using System.Numerics.Tensors;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Storage;

namespace Wayfarer.Grains.Memory;

/// <summary>Expiry, relevance pruning and the profile and item queries.</summary>
public sealed partial class UserMemoryGrain
{
    /// <inheritdoc />
    public async Task<int> PruneAsync()
    {
        var now = timeProvider.GetUtcNow();
        var expired = _shard.Index.Entries().Where(e => e.ExpiresAt <= now).ToList();
        foreach (var entry in expired)
        {
            _shard.Index.Remove(entry.Collection, entry.Id);
        }

        var deleted = await store.DeleteExpiredAsync(UserId, now);
        var surplus = await PruneSurplusAsync();
        var removed = Math.Max(expired.Count, deleted) + surplus;
        if (removed > 0)
        {
            MemoryLog.MemoryPruned(logger, UserId, Math.Max(expired.Count, deleted), surplus);
        }

        return removed;
    }

    /// <inheritdoc />
    public Task<MemoryQuery?> GetProfileQueryAsync(int limit)
    {
        var now = timeProvider.GetUtcNow();
        var sources = _shard.Index.Entries()
            .Where(e => e.Collection is MemoryCollections.UserPreferences or MemoryCollections.TravelPlans && !(e.ExpiresAt <= now))
            .ToList();
        if (sources.Count == 0)
        {
            return Task.FromResult<MemoryQuery?>(null);
        }

        var mean = new float[_shard.Space.Dimension];
        foreach (var entry in sources)
        {
            // Stated preferences weigh twice as much as past plans.
            var weight = entry.Collection == MemoryCollections.UserPreferences ? 2f * entry.Relevance : entry.Relevance;
            TensorPrimitives.MultiplyAdd(_shard.Index.GetVector(entry.Collection, entry.Id), weight, mean, mean);
        }

        var norm = TensorPrimitives.Norm(mean);
        if (norm <= 0)
        {
            return Task.FromResult<MemoryQuery?>(null);
        }

        TensorPrimitives.Divide(mean, norm, mean);
        return Task.FromResult<MemoryQuery?>(new MemoryQuery(mean, _shard.Space.Model, limit));
    }

    /// <inheritdoc />
    public Task<MemoryQuery?> GetItemQueryAsync(string collection, string id, int limit)
    {
        var vector = _shard.Index.GetVector(collection, id);
        return Task.FromResult(vector is null ? null : new MemoryQuery(vector, _shard.Space.Model, limit));
    }

    private async Task<int> PruneSurplusAsync()
    {
        var memories = _shard.Index.Entries().Where(e => e.Collection == MemoryCollections.AgentMemory).ToList();
        var excess = memories.Count - _options.MaxAgentMemories;
        if (excess <= 0)
        {
            return 0;
        }

        var victims = memories.OrderBy(e => e.Relevance).ThenBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).Take(excess).ToList();
        await store.DeleteAsync(UserId, MemoryCollections.AgentMemory, [.. victims.Select(v => v.Id)]);
        foreach (var victim in victims)
        {
            _shard.Index.Remove(victim.Collection, victim.Id);
        }

        return victims.Count;
    }

    private async Task PruneTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PruneAsync();
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            MemoryLog.PruneFailed(logger, exception, UserId);
        }
    }
}
