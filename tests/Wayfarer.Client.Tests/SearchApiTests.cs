using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class SearchApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task TemplesAndStreetFoodInTokyoReturnsTokyoTemplesAndStreetFood()
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.GetFromJsonAsync<JsonElement>("/api/search?q=temples%20and%20street%20food%20in%20Tokyo&limit=10");

        var items = response.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Equal("Tokyo", response.GetProperty("inferredCity").GetString());
        Assert.Equal("hybrid", response.GetProperty("mode").GetString());
        Assert.All(items, i => Assert.Equal("Tokyo", i.GetProperty("city").GetString()));
        Assert.All(items, i => Assert.False(i.GetProperty("isPrivate").GetBoolean()));
        var categories = items.Select(i => i.GetProperty("category").GetString()).ToHashSet();
        Assert.Contains("temple", categories);
        Assert.Contains("street-food", categories);
    }

    [Fact]
    public async Task FiltersNarrowTheCatalog()
    {
        var user = await app.CreateUserAsync();

        var items = await Search.QueryAsync(user, "quiet garden", "&collection=activities&country=jp&city=Kyoto&mode=vector&limit=5");

        Assert.NotEmpty(items);
        Assert.All(items, i =>
        {
            Assert.Equal("activities", i.GetProperty("collection").GetString());
            Assert.Equal("JP", i.GetProperty("country").GetString());
            Assert.Equal("Kyoto", i.GetProperty("city").GetString());
            Assert.Equal(0, i.GetProperty("textScore").GetSingle());
        });
    }

    [Fact]
    public async Task AUsersPrivateMemoryNeverAppearsInAnotherUsersSearch()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var planId = await Search.CreatePlanAsync(owner, "Quokkafest zanzibar honeymoon", "Spice farms and quokkafest beaches", "Zanzibar");
        await Search.SetInterestsAsync(owner, "quokkafest snorkelling");

        var mine = await Search.QueryAsync(owner, "quokkafest zanzibar", "&collection=travel_plans,user_preferences");
        var theirs = await Search.QueryAsync(other, "quokkafest zanzibar", "&collection=travel_plans,user_preferences");
        var theirsEverywhere = await Search.QueryAsync(other, "quokkafest zanzibar honeymoon spice farms", "&limit=100");

        Assert.Equal(planId, mine[0].GetProperty("id").GetString());
        Assert.Equal("travel_plans", mine[0].GetProperty("collection").GetString());
        Assert.True(mine[0].GetProperty("isPrivate").GetBoolean());
        Assert.Contains(mine, i => i.GetProperty("collection").GetString() == "user_preferences");
        Assert.Empty(theirs);
        Assert.DoesNotContain(theirsEverywhere, i => i.GetProperty("isPrivate").GetBoolean());
        Assert.DoesNotContain(planId, Search.Ids(theirsEverywhere));
    }

    [Fact]
    public async Task EditedAndDeletedPlansAreResyncedForTheOwner()
    {
        var owner = await app.CreateUserAsync();
        var planId = await Search.CreatePlanAsync(owner, "Wombatcon in Hobart", "Wombatcon talks", "Hobart");
        await PlansApiTests.Patch(owner, planId, new { title = "Platypusfair in Hobart", description = "Platypusfair stalls" }, null);

        var renamed = await Search.QueryAsync(owner, "platypusfair", "&collection=travel_plans");
        Assert.Equal(planId, Assert.Single(renamed).GetProperty("id").GetString());
        Assert.Contains("Platypusfair", renamed[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/plans/{planId}")).StatusCode);
        Assert.Empty(await Search.QueryAsync(owner, "platypusfair", "&collection=travel_plans"));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(app, "SELECT count(*) FROM memory_embeddings WHERE owner_id = $1 AND id = $2", owner.Id, planId));
    }

    [Fact]
    public async Task RecommendationsFollowPreferencesAndPlansAndAreEmptyWithout()
    {
        var fan = await app.CreateUserAsync();
        var newcomer = await app.CreateUserAsync();
        await Search.SetInterestsAsync(fan, "temples", "shrines", "street food");
        await Search.CreatePlanAsync(fan, "Tokyo temples and street food", "Temples, shrines and street food stalls in Tokyo", "Tokyo");

        var recommended = await Search.ItemsAsync(fan, "/api/recommendations?limit=10");
        var none = await Search.ItemsAsync(newcomer, "/api/recommendations");

        Assert.Equal(10, recommended.Count);
        Assert.All(recommended, i =>
        {
            Assert.False(i.GetProperty("isPrivate").GetBoolean());
            Assert.Contains(i.GetProperty("collection").GetString(), new[] { "destinations", "activities" });
        });
        Assert.Contains(recommended, i => i.GetProperty("category").GetString() is "temple" or "shrine" or "street-food");
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("/api/search", "q")]
    [InlineData("/api/search?q=%20%20", "q")]
    [InlineData("/api/search?q=tokyo&limit=0", "limit")]
    [InlineData("/api/search?q=tokyo&limit=101", "limit")]
    [InlineData("/api/search?q=tokyo&limit=ten", "limit")]
    [InlineData("/api/search?q=tokyo&collection=secrets", "collection")]
    [InlineData("/api/search?q=tokyo&collection=activities,bogus", "collection")]
    [InlineData("/api/search?q=tokyo&from=yesterday", "from")]
    [InlineData("/api/search?q=tokyo&from=2027-02-30", "from")]
    [InlineData("/api/search?q=tokyo&from=2027-05-01&to=2027-04-01", "to")]
    [InlineData("/api/search?q=tokyo&country=Japan", "country")]
    [InlineData("/api/search?q=tokyo&mode=fuzzy", "mode")]
    [InlineData("/api/recommendations?limit=0", "limit")]
    [InlineData("/api/recommendations?collection=travel_plans", "collection")]
    public async Task BadParametersAreValidationProblems(string url, string field)
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for '{field}'");
    }

    [Theory]
    [InlineData("/api/search?q=tokyo")]
    [InlineData("/api/recommendations")]
    [InlineData("/api/plans/0123456789abcdef0123456789abcdef/similar")]
    public async Task AnonymousCallersAreRefused(string url) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync(url)).StatusCode);

    [Fact]
    public async Task TheRoutesAreInTheOpenApiDocument()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/search", out _));
        Assert.True(paths.TryGetProperty("/api/recommendations", out _));
        Assert.True(paths.TryGetProperty("/api/plans/{id}/similar", out _));
    }
}
