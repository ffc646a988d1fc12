using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class AuthApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task RegisteredUserLogsInAndReadsTheirProfile()
    {
        var user = await app.CreateUserAsync();

        var me = await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me");

        Assert.Equal(user.Id, me.GetProperty("id").GetString());
        Assert.Equal(user.Email, me.GetProperty("email").GetString());
        Assert.Equal("free", me.GetProperty("tier").GetString());
        Assert.False(me.TryGetProperty("passwordHash", out _));
    }

    [Fact]
    public async Task RegisteringATakenEmailInAnyCaseIsAConflict()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateClient();

        var again = await client.PostAsJsonAsync("/api/auth/register",
            new { email = user.Email.ToUpperInvariant(), password = TestUser.Password, username = "x", firstName = "x", lastName = "x" });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task InvalidRegistrationNamesEachBadField()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = "not-an-email", password = "short", username = "", firstName = "<b>x</b>", lastName = "ok" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "email", "password", "username", "firstName" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}, got {errors}");
        }
    }

    [Fact]
    public async Task WrongPasswordAndUnknownEmailAreTheSame401()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateClient();

        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.com", password = "wrong password" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task RefreshRotatesAndReusingAnOldTokenRevokesTheWholeFamily()
    {
        var user = await app.CreateUserAsync();
        var client = app.CreateClient();

        var first = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var pair = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(user.RefreshToken, pair.GetProperty("refreshToken").GetString());
        Assert.True(pair.GetProperty("expiresIn").GetInt32() > 0);

        var reuse = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);

        var next = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = pair.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, next.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/users/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pair.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task LogoutRevokesTheAccessTokenAndTheRefreshToken()
    {
        var user = await app.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.GetAsync("/api/users/me")).StatusCode);
        var refresh = await app.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = user.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task RequestsWithoutATokenAre401Problems()
    {
        var response = await app.CreateClient().GetAsync("/api/plans");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentAndHealthEndpointsAnswer()
    {
        var client = app.CreateClient();

        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/plans/{id}", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
    }
}
