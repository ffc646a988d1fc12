using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace Wayfarer.Memory.Embeddings;

/// <summary>An offline, deterministic embedding: words, adjacent word pairs and character n-grams hashed (signed) into a
/// fixed number of buckets, then L2-normalised. Lexical and near-lexical matches score; synonyms do not.</summary>
/// <remarks>Thread-safe and allocation-light; the same text always gives the same vector, on every machine and run
/// (the hash is FNV-1a, not <see cref="string.GetHashCode()"/>).</remarks>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>The default model id.</summary>
    public const string DefaultModelId = "wayfarer-hash-v1";

    private readonly HashingEmbeddingOptions _options;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator.</summary>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public HashingEmbeddingGenerator(HashingEmbeddingOptions? options = null)
    {
        _options = options ?? new HashingEmbeddingOptions();
        if (_options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _metadata = new EmbeddingGeneratorMetadata("wayfarer-hashing", null, _options.ModelId, _options.Dimension);
    }

    /// <summary>The space of this generator's vectors.</summary>
    public EmbeddingSpace Space => new(_options.ModelId, _options.Dimension);

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value ?? string.Empty)) { ModelId = _options.ModelId });
        }

        return Task.FromResult(result);
    }

    /// <summary>Embeds one text synchronously.</summary>
    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var features = new Dictionary<ulong, (float Weight, int Count)>();
        var tokens = TextFeatures.Tokenize(text);
        for (var i = 0; i < tokens.Count; i++)
        {
            Count(features, 'w', tokens[i], null, _options.WordWeight);
            if (i > 0)
            {
                Count(features, 'b', tokens[i - 1], tokens[i], _options.BigramWeight);
            }

            AddCharNGrams(features, tokens[i]);
        }

        var vector = new float[_options.Dimension];
        foreach (var (hash, (weight, count)) in features)
        {
            // Sublinear term frequency: a word repeated in a long description must not drown the query's other words.
            var value = weight * (1f + MathF.Log(count));
            var bucket = (int)(hash % (ulong)vector.Length);
            vector[bucket] += (hash >> 63) == 0 ? value : -value;
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private void AddCharNGrams(Dictionary<ulong, (float Weight, int Count)> features, string token)
    {
        if (_options.CharNGramWeight <= 0)
        {
            return;
        }

        var padded = $"<{token}>";
        for (var n = 3; n <= 4; n++)
        {
            for (var start = 0; start + n <= padded.Length; start++)
            {
                Count(features, 'c', padded.Substring(start, n), null, _options.CharNGramWeight);
            }
        }
    }

    private static void Count(Dictionary<ulong, (float Weight, int Count)> features, char kind, string first, string? second, float weight)
    {
        if (weight <= 0)
        {
            return;
        }

        var hash = Fnv1a.Hash(kind, first, second);
        features[hash] = features.TryGetValue(hash, out var seen) ? (weight, seen.Count + 1) : (weight, 1);
    }
}
