using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Grains.Memory;

/// <summary>Which embedding generator the silo uses, bound from <c>Wayfarer:Memory:Embeddings</c>.</summary>
public sealed class MemoryEmbeddingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Wayfarer:Memory:Embeddings";

    /// <summary><c>hashing</c> (offline, deterministic) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    /// <value><c>hashing</c>.</value>
    public string Provider { get; set; } = "hashing";

    /// <summary>Options of the hashing generator.</summary>
    public HashingEmbeddingOptions Hashing { get; set; } = new();

    /// <summary>Options of the OpenAI-compatible generator.</summary>
    public OpenAiEmbeddingOptions OpenAi { get; set; } = new();

    /// <summary>Checks the options.</summary>
    /// <returns>A message naming the first bad option, or null.</returns>
    public string? Validate() => Provider.ToLowerInvariant() switch
    {
        "hashing" => Hashing.Validate() is { } e ? $"{SectionName}:Hashing: {e}" : null,
        "openai" => OpenAi.Validate() is { } e ? $"{SectionName}:OpenAi: {e}" : null,
        _ => $"{SectionName}:{nameof(Provider)} must be 'hashing' or 'openai'.",
    };

    /// <summary>Creates the configured generator.</summary>
    public Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> Create() =>
        string.Equals(Provider, "openai", StringComparison.OrdinalIgnoreCase)
            ? new OpenAiEmbeddingGenerator(OpenAi)
            : new HashingEmbeddingGenerator(Hashing);
}
