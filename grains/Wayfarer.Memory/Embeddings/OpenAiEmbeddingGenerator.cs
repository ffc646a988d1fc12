using System.ClientModel;
using System.ClientModel.Primitives;
using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Embeddings;
using AiOptions = Microsoft.Extensions.AI.EmbeddingGenerationOptions;
using OpenAiOptions = OpenAI.Embeddings.EmbeddingGenerationOptions;

namespace Wayfarer.Memory.Embeddings;

/// <summary>Real model embeddings from an OpenAI-compatible <c>/embeddings</c> endpoint, through the OpenAI SDK's
/// <see cref="EmbeddingClient"/>. Vectors are checked against the configured dimension and L2-normalised.</summary>
/// <remarks>Thread-safe. Texts are sent in batches of <see cref="OpenAiEmbeddingOptions.BatchSize"/>.</remarks>
public sealed class OpenAiEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OpenAiEmbeddingOptions _options;
    private readonly EmbeddingClient _client;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">The endpoint, model, key and dimension.</param>
    /// <param name="httpClient">The HTTP client to send requests with; null lets the SDK make one.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OpenAiEmbeddingGenerator(OpenAiEmbeddingOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validate() is { } error)
        {
            throw new ArgumentException(error, nameof(options));
        }

        _options = options;
        var clientOptions = new OpenAIClientOptions { NetworkTimeout = options.RequestTimeout };
        if (options.Endpoint is not null)
        {
            clientOptions.Endpoint = options.Endpoint;
        }

        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

        _client = new EmbeddingClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions);
        _metadata = new EmbeddingGeneratorMetadata("openai", options.Endpoint, options.Model, options.Dimension);
    }

    /// <summary>The space of this generator's vectors.</summary>
    public EmbeddingSpace Space => new(_options.Model, _options.Dimension);

    /// <inheritdoc />
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, AiOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values.ToList();
        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        var request = new OpenAiOptions();
        if (_options.SendDimensions)
        {
            request.Dimensions = _options.Dimension;
        }

        foreach (var batch in texts.Chunk(_options.BatchSize))
        {
            var collection = await SendAsync(batch, request, cancellationToken).ConfigureAwait(false);
            var vectors = new float[batch.Length][];
            foreach (var item in collection)
            {
                if (item.Index < 0 || item.Index >= batch.Length)
                {
                    throw new EmbeddingServiceException($"The embedding service answered with index {item.Index} for a batch of {batch.Length}.", isTransient: false);
                }

                vectors[item.Index] = Normalise(item.ToFloats());
            }

            foreach (var vector in vectors)
            {
                result.Add(new Embedding<float>(vector ?? throw new EmbeddingServiceException("The embedding service left a text without a vector.", isTransient: false))
                {
                    ModelId = _options.Model,
                });
            }
        }

        return result;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType == typeof(EmbeddingClient) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private async Task<OpenAIEmbeddingCollection> SendAsync(string[] batch, OpenAiOptions request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.GenerateEmbeddingsAsync(batch, request, cancellationToken).ConfigureAwait(false);
            return response.Value;
        }
        catch (ClientResultException exception)
        {
            var transient = exception.Status is 0 or 408 or 429 or >= 500;
            throw new EmbeddingServiceException($"The embedding service answered HTTP {exception.Status} for model {_options.Model}.", transient, exception);
        }
    }

    private float[] Normalise(ReadOnlyMemory<float> raw)
    {
        if (raw.Length != _options.Dimension)
        {
            throw new EmbeddingServiceException($"Model {_options.Model} returned {raw.Length} components; {_options.Dimension} are configured.", isTransient: false);
        }

        var vector = raw.ToArray();
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }
}
