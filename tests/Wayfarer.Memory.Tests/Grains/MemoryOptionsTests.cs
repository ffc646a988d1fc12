using Wayfarer.Grains.Memory;
using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Memory.Tests.Grains;

[Trait("Category", "Unit")]
public sealed class MemoryOptionsTests
{
    [Fact]
    public void DefaultsAreValid()
    {
        Assert.Null(new MemoryOptions().Validate());
        Assert.Null(new MemoryEmbeddingOptions().Validate());
    }

    [Theory]
    [InlineData(0, 0.3f, "CatalogShards")]
    [InlineData(2000, 0.3f, "CatalogShards")]
    [InlineData(4, 1.5f, "Diversity")]
    public void ABadOptionIsNamedInTheMessage(int shards, float diversity, string option)
    {
        var error = new MemoryOptions { CatalogShards = shards, Diversity = diversity }.Validate();

        Assert.NotNull(error);
        Assert.Contains($"Wayfarer:Memory:{option}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEmbeddingProviderIsChosenByConfigurationAndAnOpenAiProviderNeedsAKey()
    {
        var hashing = new MemoryEmbeddingOptions();
        var openAiWithoutKey = new MemoryEmbeddingOptions { Provider = "openai" };
        var openAi = new MemoryEmbeddingOptions { Provider = "OpenAI", OpenAi = new OpenAiEmbeddingOptions { ApiKey = "k", Endpoint = new Uri("http://embeddings.test/v1/") } };
        var unknown = new MemoryEmbeddingOptions { Provider = "onnx" };

        Assert.IsType<HashingEmbeddingGenerator>(hashing.Create());
        Assert.Contains("ApiKey", openAiWithoutKey.Validate(), StringComparison.Ordinal);
        Assert.Null(openAi.Validate());
        Assert.IsType<OpenAiEmbeddingGenerator>(openAi.Create());
        Assert.Contains("Provider", unknown.Validate(), StringComparison.Ordinal);
    }
}
