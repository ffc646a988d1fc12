namespace Wayfarer.Memory.Embeddings;

/// <summary>Options of <see cref="HashingEmbeddingGenerator"/>.</summary>
public sealed class HashingEmbeddingOptions
{
    /// <summary>The model id recorded with every vector. Change it whenever the features change, so stored vectors are
    /// re-embedded instead of being compared with incompatible ones.</summary>
    /// <value><c>wayfarer-hash-v1</c>.</value>
    public string ModelId { get; set; } = HashingEmbeddingGenerator.DefaultModelId;

    /// <summary>The vector dimension.</summary>
    /// <value>384.</value>
    public int Dimension { get; set; } = 384;

    /// <summary>The weight of a whole word.</summary>
    /// <value>1.0.</value>
    public float WordWeight { get; set; } = 1.0f;

    /// <summary>The weight of two adjacent words.</summary>
    /// <value>0.3.</value>
    public float BigramWeight { get; set; } = 0.3f;

    /// <summary>The weight of each character n-gram (lengths 3 and 4, with word-boundary markers), which makes
    /// near-lexical matches (plurals, typos, compounds) score.</summary>
    /// <value>0.15.</value>
    public float CharNGramWeight { get; set; } = 0.15f;

    /// <summary>Checks the options.</summary>
    /// <returns>A message naming the first bad option, or null.</returns>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(ModelId) ? $"{nameof(ModelId)} must be set."
        : Dimension is < 16 or > 8192 ? $"{nameof(Dimension)} must be between 16 and 8192."
        : WordWeight < 0 || BigramWeight < 0 || CharNGramWeight < 0 ? "Feature weights must not be negative."
        : null;
}
