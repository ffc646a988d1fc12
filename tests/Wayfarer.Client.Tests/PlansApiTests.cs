using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class PlansApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task CreatedPlanReadsBackInTheContractShapeWithAnETag()
    {
        var user = await app.CreateUserAsync();
        var created = await Plans.CreateAsync(user);
        var id = created.GetProperty("id").GetString();

        var response = await user.Client.GetAsync($"/api/plans/{id}");
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1, plan.GetProperty("version").GetInt32());
        Assert.Equal("draft", plan.GetProperty("status").GetString());
        Assert.Equal(2500, plan.GetProperty("budget").GetProperty("total").GetDecimal());
        Assert.Equal("EUR", plan.GetProperty("budget").GetProperty("currency").GetString());
        var item = plan.GetProperty("itinerary").GetProperty("days")[0].GetProperty("items")[1];
        Assert.Equal(38.71, item.GetProperty("location").GetProperty("lat").GetDouble());
        Assert.Equal("booked", plan.GetProperty("itinerary").GetProperty("days")[0].GetProperty("items")[0].GetProperty("booking").GetProperty("status").GetString());
        Assert.Equal(7, plan.GetProperty("durationDays").GetInt32());
    }

    [Fact]
    public async Task StaleIfMatchIs412AndNothingChanges()
    {
        var user = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await Patch(user, id!, new { title = "v2" }, "\"1\"")).StatusCode);

        var stale = await Patch(user, id!, new { title = "lost" }, "\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"2\"", stale.Headers.ETag?.Tag);
        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal("v2", plan.GetProperty("title").GetString());
    }

    [Fact]
    public async Task VersionsDiffRestoreAndBranch()
    {
        var user = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(user, "First")).GetProperty("id").GetString();
        await Patch(user, id!, new { title = "Second", travelerCount = 3 }, null);

        var versions = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}/versions");
        Assert.Equal(2, versions.GetArrayLength());
        Assert.Equal(user.Id, versions[1].GetProperty("authorId").GetString());
        var v1 = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}/versions/1");
        Assert.Equal("First", v1.GetProperty("title").GetString());
        var diff = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}/diff?from=1&to=2");
        var paths = diff.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("path").GetString()).ToList();
        Assert.Equal(["title", "travelerCount"], paths);

        var restore = await user.Client.PostAsJsonAsync($"/api/plans/{id}/restore", new { version = 1 });
        var restored = await restore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, "First"), (restored.GetProperty("version").GetInt32(), restored.GetProperty("title").GetString()));

        var branch = await user.Client.PostAsJsonAsync($"/api/plans/{id}/branch", new { version = 2, title = "Alternative" });
        Assert.Equal(HttpStatusCode.Created, branch.StatusCode);
        var branched = await branch.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((id, 2, 1), (branched.GetProperty("parentPlanId").GetString(), branched.GetProperty("parentVersion").GetInt32(), branched.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/plans/{id}/versions/9")).StatusCode);
    }

    [Fact]
    public async Task ListsArePaginatedByCursorAndScoped()
    {
        var owner = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await Plans.CreateAsync(owner, $"Trip {i}")).GetProperty("id").GetString()!);
        }

        await owner.Client.PostAsJsonAsync($"/api/plans/{ids[0]}/shares", new { userId = friend.Id, role = "viewer" });

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/plans?scope=mine&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(ids), seen);
        var shared = await friend.Client.GetFromJsonAsync<JsonElement>("/api/plans?scope=shared");
        var only = Assert.Single(shared.GetProperty("items").EnumerateArray());
        Assert.Equal((ids[0], "viewer"), (only.GetProperty("id").GetString(), only.GetProperty("role").GetString()));
        Assert.Empty((await friend.Client.GetFromJsonAsync<JsonElement>("/api/plans?scope=mine")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.Client.GetAsync("/api/plans?scope=everything")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.Client.GetAsync("/api/plans?cursor=%%%")).StatusCode);
    }

    [Fact]
    public async Task SharingGivesViewersReadAndEditorsWriteAndUnsharingTakesItBack()
    {
        var owner = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(owner)).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsJsonAsync($"/api/plans/{id}/shares", new { userId = friend.Id, role = "viewer" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await friend.Client.GetAsync($"/api/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Patch(friend, id!, new { title = "mine now" }, null)).StatusCode);

        await owner.Client.PostAsJsonAsync($"/api/plans/{id}/shares", new { userId = friend.Id, role = "editor" });
        Assert.Equal(HttpStatusCode.OK, (await Patch(friend, id!, new { title = "edited by friend" }, null)).StatusCode);
        var shares = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}/shares");
        Assert.Equal("editor", Assert.Single(shares.EnumerateArray()).GetProperty("role").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.Client.DeleteAsync($"/api/plans/{id}/shares/{friend.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await friend.Client.GetAsync($"/api/plans/{id}")).StatusCode);
    }

    [Fact]
    public async Task AnotherUsersPlanIs404OnEveryRoute()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(owner)).GetProperty("id").GetString();
        var c = stranger.Client;

        var responses = new[]
        {
            await c.GetAsync($"/api/plans/{id}"),
            await Patch(stranger, id!, new { title = "x" }, null),
            await c.DeleteAsync($"/api/plans/{id}"),
            await c.GetAsync($"/api/plans/{id}/versions"),
            await c.GetAsync($"/api/plans/{id}/versions/1"),
            await c.GetAsync($"/api/plans/{id}/diff?from=1&to=1"),
            await c.PostAsJsonAsync($"/api/plans/{id}/restore", new { version = 1 }),
            await c.PostAsJsonAsync($"/api/plans/{id}/branch", new { }),
            await c.PostAsJsonAsync($"/api/plans/{id}/shares", new { userId = stranger.Id, role = "editor" }),
            await c.GetAsync($"/api/plans/{id}/shares"),
            await c.DeleteAsync($"/api/plans/{id}/shares/{owner.Id}"),
            await c.PostAsync($"/api/plans/{id}/sessions", null),
            await c.GetAsync($"/api/plans/{id}/events"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/plans/00000000000000000000000000000000")).StatusCode);
        var plan = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal(1, plan.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task OwnerDeletesAPlanWithIfMatch()
    {
        var user = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        using var stale = new HttpRequestMessage(HttpMethod.Delete, $"/api/plans/{id}") { Headers = { { "If-Match", "\"7\"" } } };
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await user.Client.SendAsync(stale)).StatusCode);
        using var current = new HttpRequestMessage(HttpMethod.Delete, $"/api/plans/{id}") { Headers = { { "If-Match", "\"1\"" } } };

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.SendAsync(current)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/plans/{id}")).StatusCode);
    }

    internal static async Task<HttpResponseMessage> Patch(TestUser user, string id, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await user.Client.SendAsync(request);
    }
}
