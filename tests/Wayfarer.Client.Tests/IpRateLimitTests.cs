using System.Net;
using System.Net.Http.Json;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class IpRateLimitTests(IpRateLimitedApp app) : IClassFixture<IpRateLimitedApp>
{
    [Fact]
    public async Task AnonymousRequestsOverTheIpLimitAre429WithRetryAfter()
    {
        var client = app.CreateClient();
        for (var i = 0; i < IpRateLimitedApp.IpLimit; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "guessing" })).StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/auth/login", new { email = "x@example.com", password = "guessing" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}
