using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>The memory facade the API and agents call: embeds the query once, fans out to the user's memory grain and
/// every catalog shard, blends vector scores with PostgreSQL full-text rank, and merges the top hits. A stateless
/// worker: use key 0.</summary>
/// <remarks>A user's search only ever reaches that user's own memory grain; other users' private items cannot be returned.</remarks>
public interface ISearchGrain : IGrainWithIntegerKey
{
    /// <summary>Searches (<c>GET /api/search</c>).</summary>
    /// <exception cref="ArgumentException">The query is empty, the limit is out of range or a collection is unknown.</exception>
    Task<SearchResponse> SearchAsync(SearchRequest request);

    /// <summary>Catalog items that fit the user's preferences and plans (<c>GET /api/recommendations</c>); empty when the
    /// user has neither.</summary>
    Task<SearchResponse> RecommendAsync(RecommendationRequest request);

    /// <summary>The user's other plans most similar to one of theirs (<c>GET /api/plans/{id}/similar</c>); empty when the
    /// plan has no vector.</summary>
    Task<SearchResponse> SimilarPlansAsync(string userId, string planId, int limit);

    /// <summary>Deletes every vector the user owns (called by the GDPR erase).</summary>
    /// <returns>The number of rows deleted.</returns>
    Task<int> EraseUserAsync(string userId);

    /// <summary>Embeds the built-in catalog into PostgreSQL (idempotent: unchanged items are not rewritten) and reloads
    /// the shards.</summary>
    Task<CatalogLoadResult> LoadCatalogAsync();
}
