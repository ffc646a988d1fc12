using System.Net.Http.Json;
using System.Net;
using System.Net.Http.Headers;

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
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/plans/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await owner.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var greeting = await reader.ReadLineAsync(timeout.Token);
        Assert.StartsWith(": subscribed", greeting, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await PlansApiTests.Patch(editor, id!, new { title = "changed" }, null)).StatusCode);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.Contains("\"kind\":\"updated\"", line, StringComparison.Ordinal);
        Assert.Contains("\"version\":2", line, StringComparison.Ordinal);
    }
}

[Trait("Category", "Integration")]
public sealed class AgentPlanEventsTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task AVersionMadeByTheAgentsIsPublishedByTheAgentsNotByTheRequestThatStartedThem()
    {
        var owner = await app.CreateUserAsync();
        var id = await AgentsApiTests.CreatePlanAsync(owner, AgentsApiTests.Trip("Events", ["Lisbon"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));
        var sessionId = await AgentsApiTests.StartSessionAsync(owner, id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/plans/{id}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await owner.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.StartsWith(": subscribed", await reader.ReadLineAsync(timeout.Token), StringComparison.Ordinal);

        // Straight to the orchestrator, with no API request waiting for the run.
        var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Wayfarer.Runtime.IGrainFactory>(app.Services);
        var submitted = await grains.GetGrain<Wayfarer.Grains.Agents.IOrchestratorGrain>(sessionId).Submit(new Wayfarer.Grains.Agents.RunRequest(
            owner.Id, "Generate", Wayfarer.Grains.Agents.RunKind.Generate, Wayfarer.Grains.Agents.DoubleTextPolicy.Reject, Wayfarer.Grains.Agents.RunMode.Offline));
        Assert.Equal(Wayfarer.Grains.Agents.SubmitOutcome.Started, submitted.Outcome);

        string? line;
        do
        {
            line = await reader.ReadLineAsync(timeout.Token);
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));

        Assert.NotNull(line);
        Assert.Contains("\"kind\":\"updated\"", line, StringComparison.Ordinal);
        Assert.Contains("\"version\":2", line, StringComparison.Ordinal);
    }
}
