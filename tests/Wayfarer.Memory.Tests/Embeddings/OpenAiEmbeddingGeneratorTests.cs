using System.Net;
using System.Numerics.Tensors;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Tests.Support;

namespace Wayfarer.Memory.Tests.Embeddings;

[Trait("Category", "Unit")]
public sealed class OpenAiEmbeddingGeneratorTests
{
    private static readonly Uri Endpoint = new("http://embeddings.test/v1/");

    [Fact]
    public async Task TextsAreSentInBatchesToTheConfiguredEndpointAndComeBackNormalisedInOrder()
    {
        using var handler = new ScriptedEmbeddingsHandler(8);
        using var http = new HttpClient(handler);
        using var generator = new OpenAiEmbeddingGenerator(Options(batchSize: 2), http);

        var embeddings = await generator.GenerateAsync(["a", "bb", "ccc"]);

        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal("http://embeddings.test/v1/embeddings", r.Uri.ToString()));
        Assert.All(handler.Requests, r => Assert.Equal("Bearer test-key", r.Authorization));
        Assert.All(handler.Requests, r => Assert.Equal("small-model", r.Body["model"]!.GetValue<string>()));
        Assert.All(handler.Requests, r => Assert.Equal(8, r.Body["dimensions"]!.GetValue<int>()));
        Assert.Equal(3, embeddings.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = ScriptedEmbeddingsHandler.MakeVector(new string((char)('a' + i), i + 1), 8);
            TensorPrimitives.Divide(expected, TensorPrimitives.Norm(expected), expected);
            Assert.Equal(expected, embeddings[i].Vector.ToArray(), (x, y) => Math.Abs(x - y) < 1e-5f);
            Assert.Equal("small-model", embeddings[i].ModelId);
        }

        Assert.Equal(new EmbeddingSpace("small-model", 8), generator.GetSpace());
    }

    [Fact]
    public async Task AnAnswerOfTheWrongDimensionIsRefused()
    {
        using var handler = new ScriptedEmbeddingsHandler(8) { AnswerDimension = 5 };
        using var http = new HttpClient(handler);
        using var generator = new OpenAiEmbeddingGenerator(Options(), http);

        var exception = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a"]));

        Assert.False(exception.IsTransient);
        Assert.Contains("5 components", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARejectedRequestSurfacesAsANonTransientEmbeddingServiceExceptionWithoutTheKey()
    {
        using var handler = new ScriptedEmbeddingsHandler(8) { FailWith = HttpStatusCode.BadRequest };
        using var http = new HttpClient(handler);
        using var generator = new OpenAiEmbeddingGenerator(Options(), http);

        var exception = await Assert.ThrowsAsync<EmbeddingServiceException>(() => generator.GenerateAsync(["a"]));

        Assert.False(exception.IsTransient);
        Assert.DoesNotContain("test-key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingKeyIsRefusedAtConstruction()
    {
        var exception = Assert.Throws<ArgumentException>(() => new OpenAiEmbeddingGenerator(new OpenAiEmbeddingOptions { ApiKey = "" }));

        Assert.Contains("ApiKey", exception.Message, StringComparison.Ordinal);
    }

    private static OpenAiEmbeddingOptions Options(int batchSize = 16) => new()
    {
        Endpoint = Endpoint,
        Model = "small-model",
        ApiKey = "test-key",
        Dimension = 8,
        BatchSize = batchSize,
    };
}
