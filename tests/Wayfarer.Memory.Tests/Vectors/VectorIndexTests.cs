using System.Numerics.Tensors;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Tests.Support;
using Wayfarer.Memory.Vectors;

namespace Wayfarer.Memory.Tests.Vectors;

[Trait("Category", "Unit")]
public sealed class VectorIndexTests
{
    private static readonly EmbeddingSpace Space = new("test", 16);

    [Fact]
    public void TopKMatchesABruteForceRankingOfEveryVector()
    {
        var random = new Random(7);
        var index = new VectorIndex(Space, initialCapacity: 4);
        var entries = Enumerable.Range(0, 500).Select(i => new VectorEntry("destinations", $"d{i}", RandomVectors.RandomUnit(random, 16))).ToList();
        entries.ForEach(e => index.Upsert(e, Space));
        var query = RandomVectors.RandomUnit(random, 16);

        var hits = index.Search(query, 10);

        var expected = entries.OrderByDescending(e => TensorPrimitives.CosineSimilarity(query, e.Vector)).Take(10).Select(e => e.Id);
        Assert.Equal(expected, hits.Select(h => h.Entry.Id));
        Assert.Equal(TensorPrimitives.CosineSimilarity(query, hits[0].Vector), hits[0].Score, 4);
    }

    [Fact]
    public void ParallelSearchReturnsExactlyWhatASingleThreadReturns()
    {
        var random = new Random(11);
        var index = new VectorIndex(Space);
        for (var i = 0; i < 40_000; i++)
        {
            index.Upsert(new VectorEntry("content", $"c{i}", RandomVectors.RandomUnit(random, 16)), Space);
        }

        var query = RandomVectors.RandomUnit(random, 16);

        Assert.Equal(index.Search(query, 20).Select(h => h.Entry.Id), index.Search(query, 20, maxDegreeOfParallelism: 4).Select(h => h.Entry.Id));
    }

    [Fact]
    public void AVectorFromAnotherModelOrDimensionIsRefusedWithATypedException()
    {
        var index = new VectorIndex(Space);

        var otherModel = Assert.Throws<EmbeddingSpaceMismatchException>(() => index.Upsert(new VectorEntry("content", "a", new float[16]), new EmbeddingSpace("other", 16)));
        var otherLength = Assert.Throws<EmbeddingSpaceMismatchException>(() => index.Upsert(new VectorEntry("content", "b", new float[8]), Space));

        Assert.Equal(Space, otherModel.Expected);
        Assert.Equal("other", otherModel.Actual.Model);
        Assert.Equal(8, otherLength.Actual.Dimension);
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void UpsertReplacesAndRemoveKeepsTheRemainingRowsSearchable()
    {
        var index = new VectorIndex(Space);
        var a = Axis(0);
        var b = Axis(1);
        var c = Axis(2);
        index.Upsert(new VectorEntry("content", "a", a), Space);
        index.Upsert(new VectorEntry("content", "b", b), Space);
        index.Upsert(new VectorEntry("content", "c", c), Space);
        index.Upsert(new VectorEntry("content", "a", b) { Text = "moved" }, Space);

        Assert.True(index.Remove("content", "b"));
        Assert.False(index.Remove("content", "b"));

        Assert.Equal(2, index.Count);
        Assert.Equal("a", index.Search(b, 1)[0].Entry.Id);
        Assert.Equal("c", index.Search(c, 1)[0].Entry.Id);
        Assert.Equal("moved", index.Get("content", "a")!.Text);
    }

    [Fact]
    public void FiltersOnCollectionOwnerCategoryPlaceDatesMetadataExpiryAndExclusionsAllApply()
    {
        var now = new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var index = new VectorIndex(Space);
        var v = Axis(0);
        void Add(string id, Func<VectorEntry, VectorEntry> with) => index.Upsert(with(new VectorEntry("activities", id, v)), Space);
        Add("match", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3), Metadata = new Dictionary<string, string> { ["price"] = "$", ["halal"] = "yes" } });
        Add("wrong-owner", e => e with { Owner = "u2", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3), Metadata = new Dictionary<string, string> { ["price"] = "$" } });
        Add("wrong-city", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Osaka", Date = now.AddDays(3), Metadata = new Dictionary<string, string> { ["price"] = "$" } });
        Add("wrong-date", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(30), Metadata = new Dictionary<string, string> { ["price"] = "$" } });
        Add("wrong-meta", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3), Metadata = new Dictionary<string, string> { ["price"] = "$$$" } });
        Add("expired", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3), ExpiresAt = now, Metadata = new Dictionary<string, string> { ["price"] = "$" } });
        Add("excluded", e => e with { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3), Metadata = new Dictionary<string, string> { ["price"] = "$" } });
        index.Upsert(new VectorEntry("destinations", "other-collection", v) { Owner = "u1", Category = "food", Country = "JP", City = "Tokyo", Date = now.AddDays(3) }, Space);

        var filter = new VectorFilter
        {
            Collections = ["activities"],
            Owner = "u1",
            Category = "food",
            Country = "JP",
            City = "Tokyo",
            From = now,
            To = now.AddDays(7),
            Metadata = new Dictionary<string, string> { ["price"] = "$" },
            Now = now,
            ExcludeIds = ["excluded"],
        };

        Assert.Equal(["match"], index.Search(v, 10, filter).Select(h => h.Entry.Id));
        Assert.Equal(8, index.Search(v, 10).Count);
    }

    [Fact]
    public void AFilterNamingAnUnknownValueMatchesNothing()
    {
        var index = new VectorIndex(Space);
        index.Upsert(new VectorEntry("activities", "a", Axis(0)) { City = "Tokyo" }, Space);

        Assert.Empty(index.Search(Axis(0), 5, new VectorFilter { City = "Atlantis" }));
        Assert.Empty(index.Search(Axis(0), 5, new VectorFilter { Collections = ["nowhere"] }));
        Assert.Empty(index.Search(Axis(0), 5, new VectorFilter { Metadata = new Dictionary<string, string> { ["k"] = "v" } }));
    }

    [Fact]
    public void TryScoreScoresOneEntryUnderAFilter()
    {
        var index = new VectorIndex(Space);
        index.Upsert(new VectorEntry("activities", "a", Axis(0)) { City = "Tokyo" }, Space);

        Assert.True(index.TryScore("activities", "a", Axis(0), null, out var hit));
        Assert.Equal(1f, hit.Score, 5);
        Assert.False(index.TryScore("activities", "a", Axis(0), new VectorFilter { City = "Kyoto" }, out _));
        Assert.False(index.TryScore("activities", "missing", Axis(0), null, out _));
    }

    private static float[] Axis(int i)
    {
        var v = new float[16];
        v[i] = 1;
        return v;
    }
}
