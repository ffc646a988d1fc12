using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Demo;

/// <summary>A counter's value as stored.</summary>
/// <param name="Key">The counter's key.</param>
/// <param name="Value">The persisted value.</param>
/// <param name="Version">The storage version (ETag) of that value; null before the first write.</param>
/// <param name="UpdatedAt">When the value last changed; null before the first write.</param>
[Immutable]
public sealed record CounterSnapshot(string Key, long Value, string? Version, DateTimeOffset? UpdatedAt);
