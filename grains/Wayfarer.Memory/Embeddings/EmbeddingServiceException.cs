namespace Wayfarer.Memory.Embeddings;

/// <summary>The embedding service failed or answered with something unusable.</summary>
public sealed class EmbeddingServiceException : MemoryException
{
    /// <summary>Creates the exception.</summary>
    public EmbeddingServiceException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException ?? new InvalidOperationException(message))
    {
        Transient = isTransient;
    }

    private bool Transient { get; }

    /// <inheritdoc />
    public override bool IsTransient => Transient;
}
