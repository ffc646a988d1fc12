namespace Wayfarer.Memory.Embeddings;

/// <summary>A vector from one embedding space was offered to a collection of another.</summary>
public sealed class EmbeddingSpaceMismatchException : MemoryException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="expected">The collection's space.</param>
    /// <param name="actual">The offered vector's space.</param>
    public EmbeddingSpaceMismatchException(EmbeddingSpace expected, EmbeddingSpace actual)
        : base($"The collection holds {expected} vectors; a {actual} vector was refused. Re-embed it with the collection's model.")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The collection's space.</summary>
    public EmbeddingSpace Expected { get; }

    /// <summary>The refused vector's space.</summary>
    public EmbeddingSpace Actual { get; }
}
