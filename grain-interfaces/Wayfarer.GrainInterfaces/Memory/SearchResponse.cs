using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>Search results, best first.</summary>
/// <param name="Hits">The hits.</param>
/// <param name="Model">The embedding model that scored them.</param>
/// <param name="Mode">The scoring used.</param>
[Immutable]
public sealed record SearchResponse(IReadOnlyList<MemoryHit> Hits, string Model, SearchMode Mode)
{
    /// <summary>How many grains (the user's and the catalog shards) answered.</summary>
    public int GrainsSearched { get; init; }

    /// <summary>The city the query named and the search was narrowed to, or null.</summary>
    public string? InferredCity { get; init; }
}
