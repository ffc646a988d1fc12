using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Tests.Support;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Tests.Vectors;

[Trait("Category", "Unit")]
public sealed class QuantizedIndexTests
{
    private static readonly EmbeddingSpace Space = new("test", 384);

    [Fact]
    public void Int8ScanWithExactRerankFindsAtLeastNinetyFivePercentOfTheExactTopTen()
    {
        var random = new Random(3);
        var index = new VectorIndex(Space, quantization: VectorQuantization.Int8);
        for (var i = 0; i < 5_000; i++)
        {
            index.Upsert(new VectorEntry("content", $"c{i}", RandomVectors.RandomUnit(random, 384)), Space);
        }

        var recall = Enumerable.Range(0, 50).Select(_ => RandomVectors.RandomUnit(random, 384)).Average(q =>
        {
            var exact = index.Search(q, 10, exact: true).Select(h => h.Entry.Id).ToHashSet();
            return index.Search(q, 10).Count(h => exact.Contains(h.Entry.Id)) / 10.0;
        });

        Assert.True(recall >= 0.95, $"recall@10 was {recall:F3}");
    }

    [Fact]
    public void QuantizedScoresAreExactAfterTheRerankAndSurviveRemoval()
    {
        var random = new Random(5);
        var index = new VectorIndex(Space, quantization: VectorQuantization.Int8);
        var vectors = Enumerable.Range(0, 100).Select(_ => RandomVectors.RandomUnit(random, 384)).ToList();
        for (var i = 0; i < vectors.Count; i++)
        {
            index.Upsert(new VectorEntry("content", $"c{i}", vectors[i]), Space);
        }

        index.Remove("content", "c0");
        var hit = index.Search(vectors[99], 1)[0];

        Assert.Equal("c99", hit.Entry.Id);
        Assert.Equal(1f, hit.Score, 4);
        Assert.Equal(99, index.Count);
    }

    [Fact]
    public void FiltersApplyToTheQuantizedScan()
    {
        var random = new Random(9);
        var index = new VectorIndex(Space, quantization: VectorQuantization.Int8);
        for (var i = 0; i < 200; i++)
        {
            index.Upsert(new VectorEntry("content", $"c{i}", RandomVectors.RandomUnit(random, 384)) { City = i % 2 == 0 ? "Even" : "Odd" }, Space);
        }

        var hits = index.Search(RandomVectors.RandomUnit(random, 384), 10, new VectorFilter { City = "Odd" });

        Assert.Equal(10, hits.Count);
        Assert.All(hits, h => Assert.Equal("Odd", h.Entry.City));
    }
}
