using Wayfarer.Agents.Tests.Support;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Validation;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class OfflineRunTests(PostgresFixture postgres)
{
    private static readonly DateOnly Start = new(2027, 5, 3);

    [Fact]
    public async Task GenerateWithNoModelSavesAValidItineraryAndRecordsEveryAgentStepInTheLedgers()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("alice", AgentCluster.Plan(["Paris", "Rome"], Start, 5, budget: 6000, interests: ["art", "food"]));

        var run = await agents.RunAsync(sessionId, new RunRequest("alice", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Auto));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("offline", run.Mode);
        Assert.Equal(2, run.PlanVersion);
        Assert.Equal(0m, run.CostUsd);
        var plan = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("alice")).Value!;
        Assert.Equal(2, plan.Version);
        Assert.Equal(PlanStatus.Planning, plan.Content.Status);
        Assert.Equal(5, plan.Content.Itinerary.Days.Count);
        Assert.Contains(plan.Content.Itinerary.Days.SelectMany(d => d.Items), i => i.Title.Contains("Louvre", StringComparison.Ordinal) || i.PlaceId?.StartsWith("paris-", StringComparison.Ordinal) == true);
        Assert.Contains(plan.Content.Itinerary.Days.SelectMany(d => d.Items), i => i.PlaceId?.StartsWith("rome-", StringComparison.Ordinal) == true);
        var report = PlanValidator.Validate(plan.Content, ValidationOptions.For(TripRequest.FromPlan(plan.Content), PlanningData.Default));
        Assert.True(report.IsValid, string.Join("; ", report.Issues.Select(i => i.Message)));
        Assert.Contains(run.Events, e => e.Type == "plan_version_created");
        Assert.Contains(run.Events, e => e.Type == "tool_called");
        Assert.Equal("run_succeeded", run.Events[^1].Type);

        var messages = (await agents.Grains.GetGrain<IAgentSessionGrain>(sessionId).GetMessages("alice", 0, 10)).Value!;
        Assert.Equal([MessageRole.User, MessageRole.Assistant], messages.Select(m => m.Role));
        Assert.Contains("Paris", messages[1].Content, StringComparison.Ordinal);

        await agents.FlushLedgerAsync();
        var id = run.RunId;
        Assert.Equal(["succeeded"], await agents.StringsAsync("SELECT status FROM agent_runs WHERE run_id = $1", id));
        Assert.Equal(RunPipelineSteps, await agents.StringsAsync("SELECT name FROM agent_tasks WHERE run_id = $1 AND status = 'succeeded' ORDER BY sequence", id));
        var agentsRun = await agents.StringsAsync("SELECT DISTINCT agent_type FROM agent_executions WHERE run_id = $1 ORDER BY 1", id);
        Assert.Equal(["activity", "budget", "location", "planning", "transport"], agentsRun);
        var messagesBetweenAgents = await agents.StringsAsync("SELECT from_agent || '>' || to_agent || ':' || message_type FROM agent_communications WHERE run_id = $1", id);
        Assert.Contains("agent-orchestrator>agent-location:Resolve", messagesBetweenAgents);
        Assert.Contains("agent-orchestrator>agent-planning:BuildItinerary", messagesBetweenAgents);
        Assert.Contains("agent-planning>agent-transport:EstimateLeg", messagesBetweenAgents);
        Assert.Contains("agent-planning>agent-activity:FindCandidates", messagesBetweenAgents);
        Assert.Contains("agent-planning>agent-budget:Fit", messagesBetweenAgents);
        Assert.Equal(0, await agents.CountAsync("SELECT count(*) FROM agent_communications WHERE run_id = $1 AND (status <> 'ok' OR response IS NULL OR latency_ms < 0)", id));
        Assert.True(await agents.CountAsync("SELECT count(*) FROM tool_calls WHERE run_id = $1", id) >= 2);
    }

    [Fact]
    public async Task TheAgentsProduceExactlyTheOfflinePlannersItinerary()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var content = AgentCluster.Plan(["Barcelona", "Madrid"], Start, 6, travelers: 3, budget: 9000, interests: ["architecture", "food"]);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("gina", content);

        AgentCluster.AssertSucceeded(await agents.RunAsync(sessionId, new RunRequest("gina", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline)));

        var saved = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("gina")).Value!.Content.Itinerary;
        var direct = new Planning.Offline.OfflinePlanner(PlanningData.Default).Plan(TripRequest.FromPlan(content)).Itinerary;
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(direct), System.Text.Json.JsonSerializer.Serialize(saved));
    }

    private static readonly List<string> RunPipelineSteps = ["load", "interpret", "locate", "plan", "validate", "save", "reply"];

    [Fact]
    public async Task AChatMessageIsReadIntoTheTripAndPlannedOffline()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("bob", AgentCluster.Plan([], null, 1));

        var run = await agents.RunAsync(sessionId, new RunRequest("bob",
            "Plan 4 days in Lisbon from 2027-06-10 for 3 people, budget 4000 EUR. We love food and views, relaxed please.", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var plan = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("bob")).Value!.Content;
        Assert.Equal(["Lisbon"], plan.Destinations);
        Assert.Equal(new DateOnly(2027, 6, 10), plan.StartDate);
        Assert.Equal(new DateOnly(2027, 6, 13), plan.EndDate);
        Assert.Equal(3, plan.TravelerCount);
        Assert.Equal(new PlanBudget(4000, "EUR"), plan.Budget);
        Assert.Equal(GrainInterfaces.Users.TravelPace.Relaxed, plan.Preferences!.Pace);
        Assert.Contains("food", plan.Preferences.Interests);
        Assert.Equal(4, plan.Itinerary.Days.Count);
        Assert.Contains("I understood", run.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMessageWithoutADestinationGetsAQuestionBackAndNoPlanVersion()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("carol", AgentCluster.Plan([], null, 1));

        var run = await agents.RunAsync(sessionId, new RunRequest("carol", "Can you plan something nice for me?", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Null(run.PlanVersion);
        Assert.Contains("where you want to go", run.Reply, StringComparison.Ordinal);
        Assert.Equal(1, (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("carol")).Value!.Version);
    }

    [Fact]
    public async Task AnUnknownCityFailsAGenerateRunWithSuggestionsAndIsAnsweredInChat()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (_, sessionId) = await agents.PlanAndSessionAsync("dave", AgentCluster.Plan(["Parris"], Start, 3));

        var generate = await agents.RunAsync(sessionId, new RunRequest("dave", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));
        Assert.Equal(RunStatus.Failed, generate.Status);
        Assert.Equal("unknown_city", generate.ErrorCode);
        Assert.Contains("Paris", generate.Error, StringComparison.Ordinal);

        var chat = await agents.RunAsync(sessionId, new RunRequest("dave", "Plan it please", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline));
        Assert.Equal(RunStatus.Succeeded, chat.Status);
        Assert.Null(chat.PlanVersion);
        Assert.Contains("Paris", chat.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABudgetTooLowForTheTripIsRefusedWithTheMinimum()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (_, sessionId) = await agents.PlanAndSessionAsync("erin", AgentCluster.Plan(["London"], Start, 5, travelers: 4, budget: 50));

        var run = await agents.RunAsync(sessionId, new RunRequest("erin", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("budget_too_low", run.ErrorCode);
    }

    [Fact]
    public async Task OnlyTheSessionOwnerCanSubmitOrWatch()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (_, sessionId) = await agents.PlanAndSessionAsync("frank", AgentCluster.Plan(["Vienna"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);

        var refused = await orchestrator.Submit(new RunRequest("mallory", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));
        Assert.Equal(SubmitOutcome.NotFound, refused.Outcome);
        var run = await agents.RunAsync(sessionId, new RunRequest("frank", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));
        Assert.Null(await orchestrator.Watch("mallory", run.RunId, 0, TimeSpan.Zero));
        Assert.Equal(SubmitOutcome.NotFound, (await agents.Grains.GetGrain<IOrchestratorGrain>(Guid.NewGuid().ToString("N"))
            .Submit(new RunRequest("frank", "hi", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline))).Outcome);
    }
}
