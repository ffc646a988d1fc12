using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>One grain's hits, best first; passed between grains without copying.</summary>
/// <param name="Hits">The hits.</param>
[Immutable]
public sealed record MemorySearchResult(IReadOnlyList<MemoryHit> Hits)
{
    /// <summary>The stored vector of each hit, parallel to <see cref="Hits"/>, for diversification by the caller; must
    /// not be changed.</summary>
    public IReadOnlyList<float[]> Vectors { get; init; } = [];
}
