using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>One user's private vector collections (<c>user_preferences</c>, <c>agent_memory</c>, <c>travel_plans</c>),
/// held in RAM and persisted in PostgreSQL. The key is the user id.</summary>
/// <remarks>Writes are persisted before they are acknowledged. Searches are read-only and interleave with each other.
/// Agent memory expires after its time to live and is pruned by relevance when over the configured cap.</remarks>
public interface IUserMemoryGrain : IGrainWithStringKey
{
    /// <summary>Embeds and stores items (insert or replace by collection and id); the plan and preference owners call
    /// this whenever a plan or preference is created or changed.</summary>
    /// <returns>The number of items stored.</returns>
    /// <exception cref="ArgumentException">An item names a shared or unknown collection, or has no id or text.</exception>
    Task<int> UpsertAsync(MemoryBatch batch);

    /// <summary>Records something the agents learned as <c>agent_memory</c>.</summary>
    Task RememberAsync(MemoryItem item);

    /// <summary>Removes one item.</summary>
    /// <returns>Whether it existed.</returns>
    Task<bool> RemoveAsync(string collection, string id);

    /// <summary>Gets one item, or null.</summary>
    [ReadOnly]
    Task<MemoryHit?> GetAsync(string collection, string id);

    /// <summary>Searches this user's collections.</summary>
    [ReadOnly]
    Task<MemorySearchResult> SearchAsync(MemoryQuery query);

    /// <summary>The normalised mean vector of the user's preferences and plans, or null when they have none; the
    /// recommendation query.</summary>
    [ReadOnly]
    Task<MemoryQuery?> GetProfileQueryAsync(int limit);

    /// <summary>The stored vector of one item as a query, or null when it does not exist.</summary>
    [ReadOnly]
    Task<MemoryQuery?> GetItemQueryAsync(string collection, string id, int limit);

    /// <summary>Drops expired items and, when agent memory exceeds the cap, its least relevant items.</summary>
    /// <returns>The number of items removed.</returns>
    Task<int> PruneAsync();

    /// <summary>Deletes every vector the user owns, in RAM and in PostgreSQL (GDPR erasure), then deactivates.</summary>
    /// <returns>The number of rows deleted from PostgreSQL.</returns>
    Task<int> EraseAsync();

    /// <summary>What the grain holds.</summary>
    [ReadOnly]
    Task<MemoryStats> GetStatsAsync();
}
