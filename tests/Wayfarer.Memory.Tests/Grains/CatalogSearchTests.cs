using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Tests.Support;
using Wayfarer.Testing;
using Xunit.Abstractions;

namespace Wayfarer.Memory.Tests.Grains;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CatalogSearchTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task TemplesAndStreetFoodInTokyoReturnsTokyoTemplesAndStreetFood()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, new SeedCatalog());

        var response = await memory.Grains.GetGrain<ISearchGrain>(0).SearchAsync(new SearchRequest("temples and street food in Tokyo"));

        output.WriteLine(string.Join(Environment.NewLine, response.Hits.Select(h => $"{h.Score:F3} v={h.VectorScore:F3} t={h.TextScore:F3} {h.Id} ({h.Category})")));
        Assert.Equal("Tokyo", response.InferredCity);
        Assert.Equal(10, response.Hits.Count);
        Assert.All(response.Hits, h => Assert.Equal("Tokyo", h.City));
        Assert.True(response.Hits.Count(h => h.Category is "temple" or "shrine") >= 2);
        Assert.True(response.Hits.Count(h => h.Category == "street-food") >= 3);
        Assert.Contains(response.Hits, h => h.Id == "tokyo-sensoji");
    }

    [Fact]
    public async Task HybridSearchFindsMostLabelledPlacesInItsTopTen()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, new SeedCatalog());
        var search = memory.Grains.GetGrain<ISearchGrain>(0);

        var recalls = new List<(string Query, double Hybrid, double Vector)>();
        foreach (var labelled in LabelledQuery.SeedQueries)
        {
            var hybrid = await search.SearchAsync(new SearchRequest(labelled.Query));
            var vector = await search.SearchAsync(new SearchRequest(labelled.Query) { Mode = SearchMode.Vector, Diversity = 0, InferCity = false });
            recalls.Add((labelled.Query, labelled.RecallAt(10, hybrid.Hits.Select(h => h.Id)), labelled.RecallAt(10, vector.Hits.Select(h => h.Id))));
        }

        recalls.ForEach(r => output.WriteLine($"hybrid {r.Hybrid:F2}  vector {r.Vector:F2}  {r.Query}"));
        output.WriteLine($"mean recall@10: hybrid {recalls.Average(r => r.Hybrid):F3}, vector {recalls.Average(r => r.Vector):F3}");
        Assert.True(recalls.Average(r => r.Hybrid) >= 0.85, $"hybrid mean recall@10 was {recalls.Average(r => r.Hybrid):F3}");
    }

    [Fact]
    public async Task LoadingTheCatalogAgainRewritesNothingAndChangedItemsAreReembedded()
    {
        var catalog = new TestCatalog([
            TestCatalog.Place(MemoryCollections.Activities, "a1", "Lantern Temple", "temple", "Lumen", "An old temple of paper lanterns."),
            TestCatalog.Place(MemoryCollections.Destinations, "d1", "Lumen", "city", "Lumen", "A city of lights."),
        ]);
        await using var memory = await MemoryCluster.StartAsync(postgres, catalog);
        var search = memory.Grains.GetGrain<ISearchGrain>(0);

        var again = await search.LoadCatalogAsync();
        catalog.Items = [catalog.Items[0] with { Description = "An old temple famous for its noodle stalls." }, catalog.Items[1]];
        var changed = await search.LoadCatalogAsync();
        var hits = await search.SearchAsync(new SearchRequest("noodle stalls") { Collections = [MemoryCollections.Activities] });

        Assert.Equal(new CatalogLoadResult(2, 0, 3), again);
        Assert.Equal(1, changed.Changed);
        Assert.Equal(2, await memory.CountRowsAsync(null));
        Assert.Equal("a1", hits.Hits[0].Id);
        Assert.Contains("noodle", hits.Hits[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersNarrowCatalogResults()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, new SeedCatalog());
        var search = memory.Grains.GetGrain<ISearchGrain>(0);

        var museumsInParis = await search.SearchAsync(new SearchRequest("art") { Filter = new SearchFilter { City = "Paris", Category = "museum" } });
        var japanOnly = await search.SearchAsync(new SearchRequest("street food market") { Filter = new SearchFilter { Country = "JP" }, Limit = 20 });

        Assert.NotEmpty(museumsInParis.Hits);
        Assert.All(museumsInParis.Hits, h => Assert.Equal(("Paris", "museum"), (h.City, h.Category)));
        Assert.Equal(20, japanOnly.Hits.Count);
        Assert.All(japanOnly.Hits, h => Assert.Equal("JP", h.Country));
    }

    [Fact]
    public async Task RecommendationsFollowTheUsersPreferencesAndPlans()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, new SeedCatalog());
        var search = memory.Grains.GetGrain<ISearchGrain>(0);
        await memory.Grains.GetGrain<IUserMemoryGrain>("kim").UpsertAsync(new MemoryBatch([
            new MemoryItem(MemoryCollections.UserPreferences, "p1", "I love Zen temples, rock gardens and quiet Buddhist temples"),
            new MemoryItem(MemoryCollections.TravelPlans, "t1", "A week of Kyoto temples and gardens"),
        ]));

        var recommended = await search.RecommendAsync(new RecommendationRequest("kim"));
        var nobody = await search.RecommendAsync(new RecommendationRequest("nobody"));

        output.WriteLine(string.Join(Environment.NewLine, recommended.Hits.Select(h => $"{h.Score:F3} {h.Id}")));
        Assert.Equal(10, recommended.Hits.Count);
        Assert.True(recommended.Hits.Take(5).Count(h => h.Category is "temple") >= 3);
        Assert.All(recommended.Hits, h => Assert.False(h.IsPrivate));
        Assert.Empty(nobody.Hits);
    }

    [Fact]
    public async Task HybridWeightsDecideHowVectorAndTextScoresBlend()
    {
        await using var memory = await MemoryCluster.StartAsync(postgres, new SeedCatalog());
        var search = memory.Grains.GetGrain<ISearchGrain>(0);
        var request = new SearchRequest("night market street food") { Diversity = 0, InferCity = false };

        var textOnly = await search.SearchAsync(request with { VectorWeight = 0, TextWeight = 1 });
        var vectorOnly = await search.SearchAsync(request with { Mode = SearchMode.Vector });
        var blended = await search.SearchAsync(request with { VectorWeight = 0.5f, TextWeight = 0.5f });

        Assert.All(textOnly.Hits, h => Assert.Equal(h.TextScore, h.Score, 5));
        Assert.Equal(textOnly.Hits.Select(h => h.TextScore).OrderByDescending(s => s), textOnly.Hits.Select(h => h.TextScore));
        Assert.Equal(1f, textOnly.Hits[0].TextScore, 5);
        Assert.All(vectorOnly.Hits, h => Assert.Equal((h.VectorScore, 0f), (h.Score, h.TextScore)));
        Assert.All(blended.Hits, h => Assert.Equal((0.5f * h.VectorScore) + (0.5f * h.TextScore), h.Score, 5));
    }
}
