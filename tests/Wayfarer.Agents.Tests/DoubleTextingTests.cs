using Wayfarer.Agents.Tests.Support;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Agents.Orchestration;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests;

/// <summary>A second message while a run is busy (held inside a scripted model call) follows the request's policy.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class DoubleTextingTests(PostgresFixture postgres)
{
    private static readonly DateOnly Start = new(2027, 5, 3);

    [Fact]
    public async Task RejectRefusesTheSecondMessageAndTheFirstRunCarriesOn()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var held = new ScriptedTurn { Hold = true, Text = "First answer." };
        agents.Chat.Then(held);
        var (_, sessionId) = await agents.PlanAndSessionAsync("alice", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var first = await orchestrator.Submit(new RunRequest("alice", "first", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await orchestrator.Submit(new RunRequest("alice", "second", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline));

        Assert.Equal(SubmitOutcome.Rejected, second.Outcome);
        Assert.Equal(first.RunId, second.ActiveRunId);
        held.Release();
        var done = await agents.WaitAsync(sessionId, "alice", first.RunId);
        AgentCluster.AssertSucceeded(done);
        Assert.Equal("First answer.", done.Reply);
    }

    [Fact]
    public async Task EnqueueRunsTheMessagesOneAfterAnotherInOrder()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var held = new ScriptedTurn { Hold = true, Text = "First answer." };
        agents.Chat.Then(held).Then(ScriptedTurn.Say("Second answer.")).Then(ScriptedTurn.Say("Third answer."));
        var (_, sessionId) = await agents.PlanAndSessionAsync("bob", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var first = await orchestrator.Submit(new RunRequest("bob", "first", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await orchestrator.Submit(new RunRequest("bob", "second", RunKind.Chat, DoubleTextPolicy.Enqueue, RunMode.Model));
        var third = await orchestrator.Submit(new RunRequest("bob", "third", RunKind.Chat, DoubleTextPolicy.Enqueue, RunMode.Model));
        Assert.Equal((SubmitOutcome.Queued, SubmitOutcome.Queued), (second.Outcome, third.Outcome));
        Assert.Equal(RunStatus.Queued, (await orchestrator.Watch("bob", second.RunId, 0, TimeSpan.Zero))!.Status);
        held.Release();

        var results = new[]
        {
            await agents.WaitAsync(sessionId, "bob", first.RunId),
            await agents.WaitAsync(sessionId, "bob", second.RunId),
            await agents.WaitAsync(sessionId, "bob", third.RunId),
        };
        Assert.All(results, AgentCluster.AssertSucceeded);
        Assert.Equal(["First answer.", "Second answer.", "Third answer."], results.Select(r => r.Reply));
        Assert.True(results[0].FinishedAt <= results[1].FinishedAt && results[1].FinishedAt <= results[2].FinishedAt);
        var messages = (await agents.Grains.GetGrain<IAgentSessionGrain>(sessionId).GetMessages("bob", 0, 20)).Value!;
        Assert.Equal(["first", "First answer.", "second", "Second answer.", "third", "Third answer."], messages.Select(m => m.Content));
    }

    [Fact]
    public async Task InterruptCancelsTheRunningRunAndKeepsWhatItSaid()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var held = new ScriptedTurn { Hold = true, Text = "never" };
        agents.Chat.Then(held);
        var (_, sessionId) = await agents.PlanAndSessionAsync("carol", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var first = await orchestrator.Submit(new RunRequest("carol", "first", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await orchestrator.Submit(new RunRequest("carol", "Plan 2 days in Porto", RunKind.Chat, DoubleTextPolicy.Interrupt, RunMode.Offline));

        Assert.Equal(SubmitOutcome.Started, second.Outcome);
        Assert.Equal(RunStatus.Cancelled, (await agents.WaitAsync(sessionId, "carol", first.RunId)).Status);
        AgentCluster.AssertSucceeded(await agents.WaitAsync(sessionId, "carol", second.RunId));
        var messages = (await agents.Grains.GetGrain<IAgentSessionGrain>(sessionId).GetMessages("carol", 0, 20)).Value!;
        Assert.Equal(["first", "Plan 2 days in Porto"], messages.Where(m => m.Role == MessageRole.User).Select(m => m.Content));
        // The interrupted model call had been sent: it is charged (as an estimate), not left reserved.
        var spend = await agents.Grains.GetGrain<GrainInterfaces.Ledger.IUserLedgerGrain>("carol").GetSpend(null);
        Assert.Equal(0m, spend.ReservedUsd);
        Assert.True(spend.TodayUsd > 0m, "the aborted call should be charged");
    }

    [Fact]
    public async Task RollbackCancelsTheRunningRunAndRemovesItsMessages()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true);
        var held = new ScriptedTurn { Hold = true, Text = "never" };
        agents.Chat.Then(held);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("dave", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var first = await orchestrator.Submit(new RunRequest("dave", "first", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));

        var second = await orchestrator.Submit(new RunRequest("dave", "Plan 2 days in Porto", RunKind.Chat, DoubleTextPolicy.Rollback, RunMode.Offline));

        Assert.Equal(RunStatus.RolledBack, (await agents.WaitAsync(sessionId, "dave", first.RunId)).Status);
        var done = await agents.WaitAsync(sessionId, "dave", second.RunId);
        AgentCluster.AssertSucceeded(done);
        var messages = (await agents.Grains.GetGrain<IAgentSessionGrain>(sessionId).GetMessages("dave", 0, 20)).Value!;
        Assert.Equal(["Plan 2 days in Porto"], messages.Where(m => m.Role == MessageRole.User).Select(m => m.Content));
        Assert.Equal(2, (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("dave")).Value!.Version);
    }

    [Fact]
    public async Task UndoingARunThatSavedAVersionRestoresThePlanBeforeItUnlessThePlanChangedSince()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("erin", AgentCluster.Plan(["Lisbon"], Start, 2));
        var plans = agents.Grains.GetGrain<IPlanGrain>(planId);
        var original = (await plans.Get("erin")).Value!;
        var run = await agents.RunAsync(sessionId, new RunRequest("erin", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));
        Assert.Equal(2, run.PlanVersion);
        var pipeline = agents.Cluster.ServiceProvider.GetRequiredService<RunPipeline>();

        await pipeline.UndoAsync(Execution(agents, sessionId, planId, saved: 2, before: 1), CancellationToken.None);

        var restored = (await plans.Get("erin")).Value!;
        Assert.Equal(3, restored.Version);
        Assert.Empty(restored.Content.Itinerary.Days);
        Assert.Equal(original.Content.Destinations, restored.Content.Destinations);
        Assert.Empty((await agents.Grains.GetGrain<IAgentSessionGrain>(sessionId).GetMessages("erin", 0, 10)).Value!);

        // A version made after the run is never thrown away by undoing the run.
        await pipeline.UndoAsync(Execution(agents, sessionId, planId, saved: 2, before: 1), CancellationToken.None);
        Assert.Equal(3, (await plans.Get("erin")).Value!.Version);
    }

    private static RunExecution Execution(AgentCluster agents, string sessionId, string planId, int saved, int before) =>
        new(new RunState { Id = Guid.NewGuid(), Checkpoint = new RunCheckpoint { SavedVersion = saved, PlanVersionBefore = before, MessagesBefore = 0 } },
            sessionId, "erin", planId, agents.Grains, (_, _, _) => { }, () => Task.CompletedTask, CancellationToken.None);

    [Fact]
    public async Task AQueuedRunCanBeCancelledAndAFullQueueIsRefused()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true, settings: new Dictionary<string, string?> { ["Wayfarer:Agents:MaxQueuedRuns"] = "1" });
        var held = new ScriptedTurn { Hold = true, Text = "First." };
        agents.Chat.Then(held);
        var (_, sessionId) = await agents.PlanAndSessionAsync("fay", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var first = await orchestrator.Submit(new RunRequest("fay", "first", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var queued = await orchestrator.Submit(new RunRequest("fay", "second", RunKind.Chat, DoubleTextPolicy.Enqueue, RunMode.Offline));

        Assert.Equal(SubmitOutcome.QueueFull, (await orchestrator.Submit(new RunRequest("fay", "third", RunKind.Chat, DoubleTextPolicy.Enqueue, RunMode.Offline))).Outcome);
        Assert.False(await orchestrator.Cancel("mallory", queued.RunId));
        Assert.True(await orchestrator.Cancel("fay", queued.RunId));
        held.Release();

        Assert.Equal(RunStatus.Cancelled, (await agents.WaitAsync(sessionId, "fay", queued.RunId)).Status);
        AgentCluster.AssertSucceeded(await agents.WaitAsync(sessionId, "fay", first.RunId));
    }
}
