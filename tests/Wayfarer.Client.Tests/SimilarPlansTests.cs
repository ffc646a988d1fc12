using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class SimilarPlansTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task SimilarPlansAreTheOwnersOwnMostSimilarPlans()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var kyoto = await Search.CreatePlanAsync(owner, "Kyoto temples and gardens", "Zen temples, moss gardens and tea houses", "Kyoto");
        var kyotoAgain = await Search.CreatePlanAsync(owner, "Kyoto temple gardens in autumn", "Temples, gardens and tea in Kyoto", "Kyoto");
        var iceland = await Search.CreatePlanAsync(owner, "Iceland ring road", "Glaciers, waterfalls and hot springs", "Reykjavik");
        var othersKyoto = await Search.CreatePlanAsync(other, "Kyoto temples and gardens", "Zen temples, moss gardens and tea houses", "Kyoto");

        var similar = Search.Ids(await Search.ItemsAsync(owner, $"/api/plans/{kyoto}/similar?limit=10"));
        var othersSimilar = Search.Ids(await Search.ItemsAsync(other, $"/api/plans/{othersKyoto}/similar?limit=10"));

        Assert.Equal(kyotoAgain, similar[0]);
        Assert.Equal(iceland, similar[^1]);
        Assert.DoesNotContain(kyoto, similar);
        Assert.DoesNotContain(othersKyoto, similar);
        Assert.Empty(othersSimilar);
        var found = Search.Ids(await Search.QueryAsync(owner, "kyoto temples gardens", "&collection=travel_plans"));
        Assert.Equal([kyoto, kyotoAgain], found.Take(2).Order(StringComparer.Ordinal).ToList()!, StringComparer.Ordinal);
    }

    [Fact]
    public async Task SimilarOnAPlanTheCallerMayNotSeeIs404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var plan = await Search.CreatePlanAsync(owner, "Lisbon trams", "Trams and tiles", "Lisbon");

        var hidden = await stranger.Client.GetAsync($"/api/plans/{plan}/similar");
        var missing = await owner.Client.GetAsync($"/api/plans/{new string('a', 32)}/similar");
        var malformed = await owner.Client.GetAsync("/api/plans/not-an-id/similar");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("application/problem+json", hidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.Client.GetAsync($"/api/plans/{plan}/similar?limit=500")).StatusCode);
    }

    [Fact]
    public async Task SimilarOnASharedPlanSearchesOnlyTheViewersOwnPlans()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var shared = await Search.CreatePlanAsync(owner, "Rome food walk", "Pasta, gelato and markets in Rome", "Rome");
        var ownersOther = await Search.CreatePlanAsync(owner, "Rome food and markets", "Gelato, pasta and street markets", "Rome");
        var viewersOwn = await Search.CreatePlanAsync(viewer, "Rome pasta weekend", "Pasta and gelato tasting in Rome", "Rome");
        var share = await owner.Client.PostAsJsonAsync($"/api/plans/{shared}/shares", new { userId = viewer.Id, role = "viewer" });
        Assert.True(share.IsSuccessStatusCode);

        var similar = await Search.ItemsAsync(viewer, $"/api/plans/{shared}/similar");

        Assert.Equal(viewersOwn, Assert.Single(similar).GetProperty("id").GetString());
        Assert.DoesNotContain(ownersOther, Search.Ids(similar));
    }

    [Fact]
    public async Task ErasingAUserRemovesEveryVectorTheyOwn()
    {
        var user = await app.CreateUserAsync();
        var bystander = await app.CreateUserAsync();
        await Search.CreatePlanAsync(user, "Hanoi street food", "Pho and banh mi", "Hanoi");
        await Search.SetInterestsAsync(user, "street food");
        await Search.CreatePlanAsync(bystander, "Hanoi old quarter", "Coffee and pho", "Hanoi");
        Assert.Equal(2L, await OwnedRowsAsync(user.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);

        Assert.Equal(0L, await OwnedRowsAsync(user.Id));
        Assert.Equal(1L, await OwnedRowsAsync(bystander.Id));
        Assert.NotEmpty(await Search.QueryAsync(bystander, "hanoi pho", "&collection=travel_plans"));
    }

    private Task<long> OwnedRowsAsync(string userId) =>
        Sql.ScalarAsync<long>(app, "SELECT count(*) FROM memory_embeddings WHERE owner_id = $1", userId);
}
