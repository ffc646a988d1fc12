using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Vectors;
using Xunit.Abstractions;

namespace Wayfarer.Memory.Tests.Catalog;

[Trait("Category", "Unit")]
public sealed class SeedCatalogTests(ITestOutputHelper output)
{
    [Fact]
    public void TheCatalogHasHundredsOfUniquePlacesAcrossTwentyCitiesWithPlausibleCoordinates()
    {
        var items = SeedCatalog.Items;

        Assert.True(items.Count >= 300, $"expected at least 300 items, saw {items.Count}");
        Assert.True(items.Select(i => i.City).Distinct().Count() >= 20);
        Assert.Equal(items.Count, items.Select(i => (i.Collection, i.Id)).Distinct().Count());
        Assert.All(items, i => Assert.True(MemoryCollections.IsShared(i.Collection), i.Id));
        Assert.All(items, i => Assert.InRange(i.Latitude, -90, 90));
        Assert.All(items, i => Assert.InRange(i.Longitude, -180, 180));
        Assert.All(items, i => Assert.Matches("^[A-Z]{2}$", i.Country));
    }

    [Fact]
    public void EveryLabelledQueryNamesOnlyCatalogIds()
    {
        var ids = SeedCatalog.Items.Select(i => i.Id).ToHashSet();

        Assert.True(LabelledQuery.SeedQueries.Count >= 30);
        Assert.All(LabelledQuery.SeedQueries.SelectMany(q => q.ExpectedIds), id => Assert.Contains(id, ids));
    }

    [Fact]
    public void EachAspectOfTemplesAndStreetFoodInTokyoFindsItsOwnKindOfTokyoPlace()
    {
        var (generator, index) = Build();
        var city = new PlaceMatcher(SeedCatalog.Items.Select(i => i.City)).FindIn("temples and street food in Tokyo");

        var answers = QueryAspects.Split("temples and street food in Tokyo")
            .Select(a => index.Search(generator.Embed(a), 3, new VectorFilter { City = city }))
            .ToList();

        answers.SelectMany(a => a).ToList().ForEach(h => output.WriteLine($"{h.Score:F3} {h.Entry.Id}"));
        Assert.Equal("Tokyo", city);
        Assert.All(answers[0], h => Assert.Contains(h.Entry.Category, new[] { "temple", "shrine", "guide" }));
        Assert.All(answers[1], h => Assert.Equal("street-food", h.Entry.Category));
    }

    [Fact]
    public void VectorSearchOverTheSeedCatalogFindsMostLabelledPlacesInItsTopTen()
    {
        var (generator, index) = Build();

        var recalls = LabelledQuery.SeedQueries
            .Select(q => (q.Query, Recall: q.RecallAt(10, index.Search(generator.Embed(q.Query), 10).Select(h => h.Entry.Id))))
            .ToList();

        recalls.ForEach(r => output.WriteLine($"{r.Recall:F2}  {r.Query}"));
        var mean = recalls.Average(r => r.Recall);
        output.WriteLine($"mean recall@10 (vector, exact) = {mean:F3}");
        Assert.True(mean >= 0.8, $"mean recall@10 was {mean:F3}");
    }

    private static (HashingEmbeddingGenerator Generator, VectorIndex Index) Build()
    {
        var generator = new HashingEmbeddingGenerator();
        var index = new VectorIndex(generator.Space);
        foreach (var item in SeedCatalog.Items)
        {
            index.Upsert(item.ToEntry(generator.Embed(item.Text)), generator.Space);
        }

        return (generator, index);
    }
}
