namespace Wayfarer.Memory.Embeddings;

/// <summary>An embedding space: the model that made a vector and its dimension. Vectors from two spaces are never
/// compared; a collection holds vectors of exactly one space.</summary>
/// <param name="Model">The model id, for example <c>wayfarer-hash-v1</c> or <c>text-embedding-3-small</c>.</param>
/// <param name="Dimension">The number of components.</param>
public readonly record struct EmbeddingSpace(string Model, int Dimension)
{
    /// <summary>Throws when the model is empty or the dimension is not positive.</summary>
    /// <exception cref="ArgumentException">The space is malformed.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Model);
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 1);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Model}/{Dimension}";
}
