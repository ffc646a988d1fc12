namespace Wayfarer.Memory.Vectors;

/// <summary>How a <see cref="VectorIndex"/> scans.</summary>
public enum VectorQuantization
{
    /// <summary>Exact float32 cosine over every candidate.</summary>
    None = 0,

    /// <summary>A scan over int8 codes (a quarter of the memory traffic) picks <c>k × oversample</c> candidates, which
    /// are then re-ranked by exact float32 cosine. Approximate: measure recall against exact.</summary>
    Int8 = 1,
}
