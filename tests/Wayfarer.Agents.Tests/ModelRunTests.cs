using Wayfarer.Agents.Tests.Support;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Validation;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ModelRunTests(PostgresFixture postgres)
{
    private const string KyotoTrip = """{"destinations":["Kyoto"],"startDate":"2027-04-01","endDate":"2027-04-03","travelers":2,"interests":["temples"]}""";

    [Fact]
    public async Task AModelRunCallsTheAgentsAsToolsChargesEveryCallAndSavesAValidPlan()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        agents.Chat.Then(ScriptedTurn.Call("search_places", """{"city":"Kyoto","interests":["temples"],"limit":5}""", prompt: 1200, completion: 40))
            .Then(ScriptedTurn.Call("plan_trip", KyotoTrip, prompt: 2000, completion: 60))
            .Then(ScriptedTurn.Say("Your Kyoto trip is ready: temples every morning.", prompt: 3000, completion: 30));
        var (planId, sessionId) = await agents.PlanAndSessionAsync("alice", AgentCluster.Plan([], null, 1));

        var run = await agents.RunAsync(sessionId, new RunRequest("alice", "Three days of temples in Kyoto in April, please", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));

        AgentCluster.AssertSucceeded(run);
        Assert.Equal("model", run.Mode);
        Assert.Equal("gpt-4o-mini", run.Model);
        Assert.Equal(6200, run.PromptTokens);
        Assert.Equal(130, run.CompletionTokens);
        var expected = new PriceTable(Microsoft.Extensions.Options.Options.Create(new ModelOptions())).Cost("gpt-4o-mini", 1200, 40)
            + new PriceTable(Microsoft.Extensions.Options.Options.Create(new ModelOptions())).Cost("gpt-4o-mini", 2000, 60)
            + new PriceTable(Microsoft.Extensions.Options.Options.Create(new ModelOptions())).Cost("gpt-4o-mini", 3000, 30);
        Assert.Equal(expected, run.CostUsd);
        Assert.StartsWith("Your Kyoto trip is ready", run.Reply, StringComparison.Ordinal);
        Assert.Equal(RunPipeline_ToolNames, agents.Chat.Tools.Order().ToList());
        Assert.Contains(run.Events, e => e.Type == "partial_text");
        Assert.Contains(run.Events, e => e.Type == "cost");
        var plan = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("alice")).Value!.Content;
        Assert.Equal(["Kyoto"], plan.Destinations);
        Assert.Equal(3, plan.Itinerary.Days.Count);
        Assert.True(PlanValidator.Validate(plan, ValidationOptions.For(TripRequest.FromPlan(plan), PlanningData.Default)).IsValid);
        // The model saw the tool results: the third call's transcript holds both tool answers.
        var third = agents.Chat.Calls.ToArray()[2];
        Assert.Equal(2, third.Count(m => m.Role == Microsoft.Extensions.AI.ChatRole.Tool));

        var spend = await agents.Grains.GetGrain<IUserLedgerGrain>("alice").GetSpend(planId);
        Assert.Equal(expected, spend.TodayUsd);
        Assert.Equal(expected, spend.PlanUsd);
        await agents.FlushLedgerAsync();
        await Probe.WaitUntilAsync(async () => await agents.CountAsync("SELECT count(*) FROM cost_tracking WHERE run_id = $1", run.RunId) == 3, "three cost rows");
        Assert.Equal(expected.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture),
            (await agents.StringsAsync("SELECT sum(cost_usd)::numeric(12,6)::text FROM cost_tracking WHERE run_id = $1", run.RunId))[0]);
        Assert.Equal(["plan_trip", "search_places"], await agents.StringsAsync("SELECT tool_name FROM tool_calls WHERE run_id = $1 ORDER BY tool_name", run.RunId));
        Assert.Equal(["gpt-4o-mini"], await agents.StringsAsync("SELECT model FROM agent_executions WHERE run_id = $1 AND agent_type = 'orchestrator'", run.RunId));
        Assert.Equal(["6200"], await agents.StringsAsync("SELECT prompt_tokens FROM agent_executions WHERE run_id = $1 AND agent_type = 'orchestrator'", run.RunId));
    }

    private static readonly List<string> RunPipeline_ToolNames = [.. Grains.Agents.Orchestration.RunPipeline.Tools.Select(t => t.Name).Order()];

    [Fact]
    public async Task AModelItineraryThatBreaksOpeningHoursIsRepairedOrReplacedNeverSavedBroken()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var place = PlanningData.Default.Places.Destinations.First(d => d.Slug == "paris").Places.First(p => p.Category == "museum");
        // Two overlapping visits at 03:00 at night, outside every opening hour and the daily window.
        var days = $$"""{"days":[{"date":"2027-05-03","items":[{"start":"03:00","end":"05:00","title":"{{place.Name}}","placeId":"{{place.Id}}","category":"Activity","cost":10},{"start":"04:00","end":"06:00","title":"Night walk","category":"Activity","cost":5}]}]}""";
        agents.Chat.Then(ScriptedTurn.Call("plan_trip", """{"destinations":["Paris"],"startDate":"2027-05-03","endDate":"2027-05-03"}"""))
            .Then(ScriptedTurn.Call("submit_itinerary", days))
            .Then(ScriptedTurn.Say("Here is my custom night plan."));
        var (planId, sessionId) = await agents.PlanAndSessionAsync("bob", AgentCluster.Plan(["Paris"], new DateOnly(2027, 5, 3), 1));

        var run = await agents.RunAsync(sessionId, new RunRequest("bob", "Night plan for Paris", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.NotEmpty(run.Issues);
        Assert.Contains(run.Events, e => e.Type == "validated");
        var plan = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("bob")).Value!.Content;
        var report = PlanValidator.Validate(plan, ValidationOptions.For(TripRequest.FromPlan(plan), PlanningData.Default));
        Assert.True(report.IsValid, string.Join("; ", report.Issues.Select(i => i.Message)));
        Assert.DoesNotContain(plan.Itinerary.Days.SelectMany(d => d.Items), i => i.Start is { Hour: < 6 });
    }

    [Fact]
    public async Task SpendCapsAreCheckedBeforeTheModelIsCalled()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var (_, sessionId) = await agents.PlanAndSessionAsync("carol", AgentCluster.Plan(["Vienna"], new DateOnly(2027, 5, 3), 2));
        await agents.Grains.GetGrain<IUserLedgerGrain>("carol").SetLimits(new SpendLimits(DailyUsd: 0.0001m, PerPlanUsd: null));

        var strict = await agents.RunAsync(sessionId, new RunRequest("carol", "Plan Vienna", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        Assert.Equal(RunStatus.Failed, strict.Status);
        Assert.Equal("spend_cap", strict.ErrorCode);
        Assert.Contains(strict.Events, e => e.Type == "spend_cap");
        Assert.Empty(agents.Chat.Calls);

        var auto = await agents.RunAsync(sessionId, new RunRequest("carol", "Plan Vienna", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Auto));
        Assert.Equal(RunStatus.Succeeded, auto.Status);
        Assert.Equal("offline", auto.Mode);
        Assert.NotNull(auto.PlanVersion);
        Assert.Contains(auto.Events, e => e.Type == "fallback");
        Assert.Empty(agents.Chat.Calls);
        Assert.Equal(0m, (await agents.Grains.GetGrain<IUserLedgerGrain>("carol").GetSpend(null)).TodayUsd);
    }

    [Fact]
    public async Task APerPlanCapStopsAModelRunMidwayAndTheOfflinePlannerFinishes()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true, settings: new Dictionary<string, string?> { ["Wayfarer:Models:MaxOutputTokens"] = "1000" });
        var (planId, sessionId) = await agents.PlanAndSessionAsync("dan", AgentCluster.Plan(["Prague"], new DateOnly(2027, 5, 3), 2));
        // The first call reserves about 0.0008 USD (1,000 output tokens at most) and costs 0.0021; a second would need
        // another ~0.0008 on top: more than the plan's 0.0025.
        await agents.Grains.GetGrain<IUserLedgerGrain>("dan").SetLimits(new SpendLimits(DailyUsd: null, PerPlanUsd: 0.0025m));
        agents.Chat.Then(ScriptedTurn.Call("search_places", """{"city":"Prague"}""", prompt: 10_000, completion: 1000)).Then(ScriptedTurn.Say("never reached"));

        var run = await agents.RunAsync(sessionId, new RunRequest("dan", "Plan Prague", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Auto));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal("offline", run.Mode);
        Assert.Single(agents.Chat.Calls);
        var spend = await agents.Grains.GetGrain<IUserLedgerGrain>("dan").GetSpend(planId);
        Assert.Equal(0.0021m, spend.PlanUsd);
        Assert.Equal(0m, spend.ReservedUsd);
    }

    [Fact]
    public async Task AFailingModelFallsBackToTheOfflinePlannerInAutoModeAndFailsInModelMode()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var (_, sessionId) = await agents.PlanAndSessionAsync("erin", AgentCluster.Plan(["Madrid"], new DateOnly(2027, 5, 3), 2));
        agents.Chat.Then(new ScriptedTurn { Failure = new HttpRequestException("connection refused") })
            .Then(new ScriptedTurn { Failure = new HttpRequestException("connection refused") });

        var auto = await agents.RunAsync(sessionId, new RunRequest("erin", "Plan Madrid", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Auto));
        var strict = await agents.RunAsync(sessionId, new RunRequest("erin", "Plan Madrid", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));

        Assert.Equal((RunStatus.Succeeded, "offline"), (auto.Status, auto.Mode));
        Assert.Contains("failed", auto.Reply, StringComparison.Ordinal);
        Assert.Equal((RunStatus.Failed, "model_error"), (strict.Status, strict.ErrorCode));
        Assert.Equal(0m, (await agents.Grains.GetGrain<IUserLedgerGrain>("erin").GetSpend(null)).ReservedUsd);
    }

    [Fact]
    public async Task ModelModeWithoutAnyModelFailsWithNoModel()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: false);
        var (_, sessionId) = await agents.PlanAndSessionAsync("fay", AgentCluster.Plan(["Rome"], new DateOnly(2027, 5, 3), 2));

        var run = await agents.RunAsync(sessionId, new RunRequest("fay", "Plan Rome", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));

        Assert.Equal((RunStatus.Failed, "no_model"), (run.Status, run.ErrorCode));
    }
}
