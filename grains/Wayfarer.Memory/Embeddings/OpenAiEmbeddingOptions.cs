namespace Wayfarer.Memory.Embeddings;

/// <summary>Options of <see cref="OpenAiEmbeddingGenerator"/>: any OpenAI-compatible embeddings endpoint.</summary>
public sealed class OpenAiEmbeddingOptions
{
    /// <summary>The API base address (the part before <c>/embeddings</c>); null uses the OpenAI SDK's default.</summary>
    /// <value>Null.</value>
    public Uri? Endpoint { get; set; }

    /// <summary>The model id, recorded with every vector.</summary>
    /// <value><c>text-embedding-3-small</c>.</value>
    public string Model { get; set; } = "text-embedding-3-small";

    /// <summary>The API key (the service's or a user's own). Never logged.</summary>
    /// <value>Empty: must be set.</value>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The dimension the vectors must have; sent as the <c>dimensions</c> request field when
    /// <see cref="SendDimensions"/> is true. Every answer is checked against it.</summary>
    /// <value>384.</value>
    public int Dimension { get; set; } = 384;

    /// <summary>Whether to ask the service for <see cref="Dimension"/> components (models that support shortening).</summary>
    /// <value>True.</value>
    public bool SendDimensions { get; set; } = true;

    /// <summary>The most texts sent in one request.</summary>
    /// <value>128.</value>
    public int BatchSize { get; set; } = 128;

    /// <summary>The time one request may take.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the options.</summary>
    /// <returns>A message naming the first bad option, or null.</returns>
    public string? Validate() =>
        string.IsNullOrWhiteSpace(Model) ? $"{nameof(Model)} must be set."
        : string.IsNullOrWhiteSpace(ApiKey) ? $"{nameof(ApiKey)} must be set."
        : Dimension is < 1 or > 16384 ? $"{nameof(Dimension)} must be between 1 and 16384."
        : BatchSize is < 1 or > 2048 ? $"{nameof(BatchSize)} must be between 1 and 2048."
        : RequestTimeout <= TimeSpan.Zero ? $"{nameof(RequestTimeout)} must be positive."
        : Endpoint is { IsAbsoluteUri: false } ? $"{nameof(Endpoint)} must be an absolute URI."
        : null;
}
