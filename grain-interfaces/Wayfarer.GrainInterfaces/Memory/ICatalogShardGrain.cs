using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>One shard of the shared catalog (<c>destinations</c>, <c>activities</c>, <c>content</c>): the catalog rows
/// whose bucket modulo the shard count equals the key, held in RAM and loaded from PostgreSQL on activation.</summary>
/// <remarks>The key is the shard number, 0 to the configured shard count − 1. Searches are read-only.</remarks>
public interface ICatalogShardGrain : IGrainWithIntegerKey
{
    /// <summary>Searches the shard.</summary>
    [ReadOnly]
    Task<MemorySearchResult> SearchAsync(MemoryQuery query);

    /// <summary>Re-reads the shard's rows from PostgreSQL (after a catalog load).</summary>
    /// <returns>The number of entries held.</returns>
    Task<int> ReloadAsync();

    /// <summary>What the shard holds.</summary>
    [ReadOnly]
    Task<MemoryStats> GetStatsAsync();
}
