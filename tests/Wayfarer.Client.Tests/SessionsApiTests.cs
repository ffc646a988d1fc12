using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class SessionsApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task SessionOnAPlanKeepsItsConversationPagedByCursor()
    {
        var user = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        var start = await user.Client.PostAsync($"/api/plans/{planId}/sessions", null);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var expected = new List<(string Role, string? Content)>();
        for (var i = 1; i <= 3; i++)
        {
            var run = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{id}/messages", new { content = $"message {i}" }));
            Assert.Equal("succeeded", run.GetProperty("status").GetString());
            expected.Add(("user", $"message {i}"));
            expected.Add(("assistant", run.GetProperty("reply").GetString()));
        }

        var pages = new List<JsonElement> { await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/messages?limit=4") };
        while (pages[^1].GetProperty("nextCursor").GetString() is { } cursor && pages.Count < 5)
        {
            pages.Add(await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/messages?limit=4&cursor={cursor}"));
        }

        var session = await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");

        Assert.Equal([4, 2], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.Equal(expected, pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString())));
        Assert.Equal((planId, user.Id, 6), (session.GetProperty("planId").GetString(), session.GetProperty("userId").GetString(), session.GetProperty("messageCount").GetInt32()));
    }

    [Fact]
    public async Task AnotherUsersSessionIs404()
    {
        var user = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        var id = (await (await user.Client.PostAsync($"/api/plans/{planId}/sessions", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/sessions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/sessions/{id}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/sessions/{id}/messages", new { content = "hi" })).StatusCode);
    }
}
