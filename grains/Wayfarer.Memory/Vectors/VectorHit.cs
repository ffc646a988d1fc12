namespace Wayfarer.Memory.Vectors;

/// <summary>A search result: the entry, its cosine similarity to the query and a copy of its stored vector.</summary>
/// <param name="Entry">The entry (its <see cref="VectorEntry.Vector"/> is empty; use <paramref name="Vector"/>).</param>
/// <param name="Score">Cosine similarity, −1 to 1.</param>
/// <param name="Vector">A copy of the stored vector.</param>
public readonly record struct VectorHit(VectorEntry Entry, float Score, float[] Vector);
