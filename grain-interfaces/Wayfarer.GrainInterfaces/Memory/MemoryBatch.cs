using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>Items to store in one call; passed between grains without copying.</summary>
/// <param name="Items">The items.</param>
[Immutable]
public sealed record MemoryBatch(IReadOnlyList<MemoryItem> Items);
