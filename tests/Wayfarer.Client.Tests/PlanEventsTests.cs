using System.Net.Http.Json;
using System.Net;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class PlanEventsTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task SubscriberSeesAChangeMadeByAnotherUser()
    {
        var owner = await app.CreateUserAsync();
        var editor = await app.CreateUserAsync();
        var id = (await Plans.CreateAsync(owner)).GetProperty("id").GetString();
        await owner.Client.PostAsJsonAsync($"/api/plans/{id}/shares", new { userId = editor.Id, role = "editor" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var events = await PlanEventStream.OpenAsync(owner.Client, id!, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, (await PlansApiTests.Patch(editor, id!, new { title = "changed" }, null)).StatusCode);

        var line = await events.NextDataAsync(timeout.Token);

        Assert.NotNull(line);
        Assert.Contains("\"kind\":\"updated\"", line, StringComparison.Ordinal);
        Assert.Contains("\"version\":2", line, StringComparison.Ordinal);
    }
}
