namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>How results are scored.</summary>
public enum SearchMode
{
    /// <summary>Vector score blended with PostgreSQL full-text rank (the default).</summary>
    Hybrid = 0,

    /// <summary>Cosine similarity only.</summary>
    Vector = 1,
}
