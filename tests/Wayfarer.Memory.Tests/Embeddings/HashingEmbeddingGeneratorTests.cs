using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using Wayfarer.Memory.Embeddings;

namespace Wayfarer.Memory.Tests.Embeddings;

[Trait("Category", "Unit")]
public sealed class HashingEmbeddingGeneratorTests
{
    private readonly HashingEmbeddingGenerator _generator = new();

    [Fact]
    public void SameTextGivesTheSameUnitVectorEveryTime()
    {
        var first = _generator.Embed("Senso-ji temple in Asakusa");
        var second = new HashingEmbeddingGenerator().Embed("Senso-ji temple in Asakusa");

        Assert.Equal(384, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(1f, TensorPrimitives.Norm(first), 4);
    }

    [Fact]
    public void SharedWordsScoreHigherThanUnrelatedText()
    {
        var query = _generator.Embed("temples in Kyoto");
        var related = _generator.Embed("Kinkaku-ji, a Zen temple in Kyoto covered in gold leaf");
        var unrelated = _generator.Embed("Surfing lessons on Bondi Beach in Sydney");

        Assert.True(TensorPrimitives.CosineSimilarity(query, related) > TensorPrimitives.CosineSimilarity(query, unrelated) + 0.2f);
    }

    [Fact]
    public void PluralsAccentsAndCaseMatchTheirPlainForm()
    {
        var plain = _generator.Embed("cafe museum");
        var decorated = _generator.Embed("CAFÉS Museums");

        Assert.True(TensorPrimitives.CosineSimilarity(plain, decorated) > 0.99f);
    }

    [Fact]
    public void NearLexicalMatchesScoreThroughCharacterNGrams()
    {
        var query = _generator.Embed("ramen");
        var typo = _generator.Embed("raamen");
        var other = _generator.Embed("gondola");

        Assert.True(TensorPrimitives.CosineSimilarity(query, typo) > TensorPrimitives.CosineSimilarity(query, other));
    }

    [Fact]
    public void EmptyTextGivesAZeroVector()
    {
        Assert.All(_generator.Embed("the and of"), c => Assert.Equal(0f, c));
    }

    [Fact]
    public async Task MetadataPublishesModelAndDimensionAndEmbeddingsCarryTheModel()
    {
        var generator = new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimension = 64, ModelId = "test-hash" });

        var embeddings = await generator.GenerateAsync(["a temple", "street food"]);

        Assert.Equal(new EmbeddingSpace("test-hash", 64), generator.GetSpace());
        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal("test-hash", e.ModelId));
        Assert.All(embeddings, e => Assert.Equal(64, e.Vector.Length));
    }

    [Fact]
    public void InvalidOptionsAreRefusedWithTheOptionName()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HashingEmbeddingGenerator(new HashingEmbeddingOptions { Dimension = 3 }));

        Assert.Contains("Dimension", exception.Message, StringComparison.Ordinal);
    }
}
