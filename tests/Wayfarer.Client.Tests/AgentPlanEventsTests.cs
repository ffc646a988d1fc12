namespace Wayfarer.Client.Tests;

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
        await using var events = await PlanEventStream.OpenAsync(owner.Client, id, timeout.Token);

        // Straight to the orchestrator, with no API request waiting for the run.
        var grains = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Wayfarer.Runtime.IGrainFactory>(app.Services);
        var submitted = await grains.GetGrain<Wayfarer.Grains.Agents.IOrchestratorGrain>(sessionId).Submit(new Wayfarer.Grains.Agents.RunRequest(
            owner.Id, "Generate", Wayfarer.Grains.Agents.RunKind.Generate, Wayfarer.Grains.Agents.DoubleTextPolicy.Reject, Wayfarer.Grains.Agents.RunMode.Offline));
        Assert.Equal(Wayfarer.Grains.Agents.SubmitOutcome.Started, submitted.Outcome);

        var line = await events.NextDataAsync(timeout.Token);

        Assert.NotNull(line);
        Assert.Contains("\"kind\":\"updated\"", line, StringComparison.Ordinal);
        Assert.Contains("\"version\":2", line, StringComparison.Ordinal);
    }
}
