using Microsoft.Extensions.AI;
using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Memory.Tests.Support;

/// <summary>The hashing generator, failing while <see cref="Failing"/> is set (an embedding endpoint outage);
/// <see cref="Recovered"/> completes at the first successful call after a failure.</summary>
internal sealed class FlakyEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly HashingEmbeddingGenerator _inner = new();
    private readonly TaskCompletionSource _recovered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failed;

    public volatile bool Failing;

    public Task Recovered => _recovered.Task;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (Failing)
        {
            _failed = true;
            throw new InvalidOperationException("The embedding endpoint is down (test).");
        }

        var result = _inner.GenerateAsync(values, options, cancellationToken);
        if (_failed)
        {
            _recovered.TrySetResult();
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => _inner.GetService(serviceType, serviceKey);

    public void Dispose() => _inner.Dispose();
}
