using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

/// <summary>Two front-end instances on one database and one Redis: what one acknowledges survives it, and what one
/// changes is streamed by the other.</summary>
[Trait("Category", "Integration")]
public sealed class MultiInstanceTests
{
    [Fact]
    public async Task AnAcknowledgedWriteSurvivesTheInstanceThatMadeIt()
    {
        await using var first = new WayfarerApp();
        await first.InitializeAsync();
        var user = await first.CreateUserAsync();
        var id = (await Plans.CreateAsync(user, "Durable")).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await PlansApiTests.Patch(user, id!, new { title = "Durable v2" }, "\"1\"")).StatusCode);
        var authorization = user.Client.DefaultRequestHeaders.Authorization;
        // Stopping the first instance deactivates its grains: the second one reads only what storage holds.
        await first.DisposeAsync();

        await using var second = first.CreateSibling();
        await second.InitializeAsync();
        var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = authorization;

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/plans/{id}");
        Assert.Equal(("Durable v2", 2), (plan.GetProperty("title").GetString(), plan.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task ASubscriberOnOneInstanceSeesAChangeMadeThroughAnother()
    {
        await using var first = new WayfarerApp();
        await first.InitializeAsync();
        await using var second = first.CreateSibling();
        await second.InitializeAsync();
        var user = await first.CreateUserAsync();
        var id = (await Plans.CreateAsync(user)).GetProperty("id").GetString();
        var viaSecond = second.CreateClient();
        viaSecond.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = await PlanEventStream.OpenAsync(user.Client, id!, timeout.Token);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/plans/{id}") { Content = JsonContent.Create(new { title = "via the other instance" }) };
        Assert.Equal(HttpStatusCode.OK, (await viaSecond.SendAsync(patch, timeout.Token)).StatusCode);

        var line = await events.NextDataAsync(timeout.Token);

        Assert.Contains("\"version\":2", line, StringComparison.Ordinal);
    }
}
