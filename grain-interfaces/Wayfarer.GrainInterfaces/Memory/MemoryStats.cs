using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>What a memory grain holds.</summary>
/// <param name="Count">Entries held in RAM.</param>
/// <param name="Model">The embedding model of every entry.</param>
/// <param name="Dimension">The dimension of every entry.</param>
/// <param name="CountByCollection">Entries per collection.</param>
[Immutable]
public sealed record MemoryStats(int Count, string Model, int Dimension, IReadOnlyDictionary<string, int> CountByCollection);
