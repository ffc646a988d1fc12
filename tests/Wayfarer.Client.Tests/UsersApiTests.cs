using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class UsersApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task ProfileAndPreferencesUpdate()
    {
        var user = await app.CreateUserAsync();

        var patch = await user.Client.PatchAsJsonAsync("/api/users/me", new { firstName = "Grace", phone = "+14155550123", profile = new { homeCity = "Lisbon" } });
        var preferences = await user.Client.PutAsJsonAsync("/api/users/me/preferences", new
        {
            budgetLevel = "luxury", pace = "relaxed", interests = new[] { "museums" }, dietaryNeeds = Array.Empty<string>(),
            mobility = "full", preferredTransport = new[] { "train" },
        });

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preferences.StatusCode);
        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me");
        Assert.Equal("Grace", me.GetProperty("firstName").GetString());
        Assert.Equal("Lisbon", me.GetProperty("profile").GetProperty("homeCity").GetString());
        Assert.Equal("luxury", me.GetProperty("preferences").GetProperty("budgetLevel").GetString());
    }

    [Fact]
    public async Task InvalidProfilePatchNamesTheFields()
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.PatchAsJsonAsync("/api/users/me", new { phone = "call me", dateOfBirth = "2999-01-01", email = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("phone", out _) && errors.TryGetProperty("dateOfBirth", out _) && errors.TryGetProperty("email", out _), errors.ToString());
    }

    [Fact]
    public async Task ApiKeysAreListedMaskedAndOnlyToTheirOwner()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        const string Key = "sk-test-1234567890abcdef";

        Assert.Equal(HttpStatusCode.OK, (await user.Client.PutAsJsonAsync("/api/users/me/api-keys/openai", new { key = Key })).StatusCode);

        var listed = await user.Client.GetStringAsync("/api/users/me/api-keys");
        Assert.DoesNotContain(Key, listed, StringComparison.Ordinal);
        Assert.Contains("openai", listed, StringComparison.Ordinal);
        Assert.Empty((await other.Client.GetFromJsonAsync<JsonElement>("/api/users/me/api-keys")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.DeleteAsync("/api/users/me/api-keys/openai")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me/api-keys/openai")).StatusCode);
        Assert.Empty((await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me/api-keys")).EnumerateArray());
    }

    [Fact]
    public async Task ApiKeysAreEncryptedAtRest()
    {
        var user = await app.CreateUserAsync();
        const string Key = "sk-live-secret-value-0001";
        await user.Client.PutAsJsonAsync("/api/users/me/api-keys/anthropic", new { key = Key });

        var dump = await Sql.ScalarAsync<string>(app, "SELECT string_agg(encode(sealed_key, 'escape') || masked, ',') FROM user_api_keys");

        Assert.DoesNotContain(Key, dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportHoldsTheUsersPlansSessionsAndKeysButNotOtherUsersData()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user, "Mine")).GetProperty("id").GetString();
        await Plans.CreateAsync(other, "Theirs");
        var session = await (await user.Client.PostAsync($"/api/plans/{planId}/sessions", null)).Content.ReadFromJsonAsync<JsonElement>();
        var run = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{session.GetProperty("id").GetString()}/messages", new { content = "Hello" }));
        await user.Client.PutAsJsonAsync("/api/users/me/api-keys/openai", new { key = "sk-export-123456" });

        var export = await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me/export");

        Assert.Equal(user.Email, export.GetProperty("user").GetProperty("email").GetString());
        Assert.Equal("Mine", Assert.Single(export.GetProperty("plans").EnumerateArray()).GetProperty("plan").GetProperty("title").GetString());
        var messages = Assert.Single(export.GetProperty("sessions").EnumerateArray()).GetProperty("messages");
        Assert.Equal(["Hello", run.GetProperty("reply").GetString()], messages.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Single(export.GetProperty("apiKeys").EnumerateArray());
        Assert.DoesNotContain("Theirs", export.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-export-123456", export.ToString(), StringComparison.Ordinal);
    }
}
