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
        for (var i = 1; i <= 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await user.Client.PostAsJsonAsync($"/api/sessions/{id}/messages", new { content = $"message {i}" })).StatusCode);
        }

        var first = await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/messages?limit=2");
        var second = await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}/messages?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        var session = await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{id}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal("message 3", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
        Assert.Equal((planId, user.Id, 3), (session.GetProperty("planId").GetString(), session.GetProperty("userId").GetString(), session.GetProperty("messageCount").GetInt32()));
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
