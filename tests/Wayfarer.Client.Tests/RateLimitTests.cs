using System.Net;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class RateLimitTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task OverTheUserLimitIs429WithRetryAfterWhileOtherUsersAreUnaffected()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        for (var i = 0; i < RateLimitedApp.UserLimit; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.Client.GetAsync("/api/users/me")).StatusCode);
        }

        var limited = await user.Client.GetAsync("/api/users/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After was {limited.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/users/me")).StatusCode);
    }
}
