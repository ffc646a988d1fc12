using Microsoft.Extensions.AI;

namespace Wayfarer.Memory.Embeddings;

/// <summary>Helpers over <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/>.</summary>
public static class EmbeddingGeneratorExtensions
{
    /// <summary>The space the generator's vectors live in, from its <see cref="EmbeddingGeneratorMetadata"/>.</summary>
    /// <exception cref="MemoryException">The generator does not publish its model id and dimension.</exception>
    public static EmbeddingSpace GetSpace(this IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        if (metadata?.DefaultModelId is not { Length: > 0 } model || metadata.DefaultModelDimensions is not int dimension)
        {
            throw new MemoryException($"{generator.GetType().Name} does not publish its model id and dimension; configure both.");
        }

        return new EmbeddingSpace(model, dimension);
    }

    /// <summary>Embeds one text and returns a copy of its vector (L2-normalised by Wayfarer's generators).</summary>
    public static async Task<float[]> EmbedAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var embeddings = await generator.GenerateAsync([text], cancellationToken: cancellationToken).ConfigureAwait(false);
        return embeddings[0].Vector.ToArray();
    }

    /// <summary>Embeds texts in batches of <paramref name="batchSize"/>, returning one vector per text in order.</summary>
    public static async Task<float[][]> EmbedManyAsync(this IEmbeddingGenerator<string, Embedding<float>> generator, IReadOnlyList<string> texts, int batchSize = 256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var batch = texts.Skip(start).Take(batchSize).ToList();
            var embeddings = await generator.GenerateAsync(batch, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < embeddings.Count; i++)
            {
                result[start + i] = embeddings[i].Vector.ToArray();
            }
        }

        return result;
    }
}
