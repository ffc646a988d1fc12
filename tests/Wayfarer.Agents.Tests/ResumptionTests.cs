using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Agents.Tests.Support;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests;

/// <summary>A run whose silo goes away resumes on another silo from its last checkpoint, or ends as failed — never
/// "running" forever. (Killing a silo process with SIGKILL is covered by the process-level cluster tests.)</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ResumptionTests(PostgresFixture postgres)
{
    private static readonly DateOnly Start = new(2027, 5, 3);

    [Fact]
    public async Task ARunWhoseSiloStopsResumesOnTheOtherSiloFromItsLastCheckpoint()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true, silos: 2);
        var held = new ScriptedTurn { Hold = true, Text = "never" };
        agents.Chat.Then(ScriptedTurn.Call("plan_trip", """{"destinations":["Lisbon"],"startDate":"2027-05-03","endDate":"2027-05-04"}""", prompt: 500, completion: 20))
            .Then(held)
            .Then(ScriptedTurn.Say("Lisbon is planned.", prompt: 700, completion: 10));
        var (planId, sessionId) = await agents.PlanAndSessionAsync("alice", AgentCluster.Plan([], null, 1));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var submitted = await orchestrator.Submit(new RunRequest("alice", "Two days in Lisbon", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var before = (await orchestrator.Watch("alice", submitted.RunId, 0, TimeSpan.Zero))!;
        var host = agents.Cluster.Silos.Single(s => s.GetRequiredService<IRuntimeDiagnostics>().SiloName == before.Silo);

        await agents.Cluster.StopSiloAsync(host);

        var run = await agents.WaitAsync(sessionId, "alice", submitted.RunId, TimeSpan.FromSeconds(60));
        AgentCluster.AssertSucceeded(run);
        Assert.Equal(2, run.Attempt);
        Assert.NotEqual(before.Silo, run.Silo);
        Assert.Contains(run.Events, e => e.Type == "run_resumed");
        Assert.StartsWith("Lisbon is planned.", run.Reply, StringComparison.Ordinal);
        // The first model turn (plan_trip) was checkpointed: it was not asked again, nor paid for twice.
        Assert.Equal(3, agents.Chat.Calls.Count);
        Assert.Equal(1200, run.PromptTokens);
        var plan = (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("alice")).Value!;
        Assert.Equal(["Lisbon"], plan.Content.Destinations);
        Assert.Equal(2, plan.Version);
        var messages = (await agents.Grains.GetGrain<GrainInterfaces.Sessions.IAgentSessionGrain>(sessionId).GetMessages("alice", 0, 10)).Value!;
        Assert.Equal(["Two days in Lisbon"], messages.Where(m => m.Role == GrainInterfaces.Sessions.MessageRole.User).Select(m => m.Content));
        Assert.Single(messages, m => m.Role == GrainInterfaces.Sessions.MessageRole.Assistant);
        await agents.FlushLedgerAsync();
        await Probe.WaitUntilAsync(async () => await agents.CountAsync("SELECT count(*) FROM agent_tasks WHERE run_id = $1 AND status = 'interrupted'", run.RunId) == 1, "the interrupted task row");
        Assert.Equal(["succeeded"], await agents.StringsAsync("SELECT status FROM agent_runs WHERE run_id = $1", run.RunId));
    }

    [Fact]
    public async Task ARunInterruptedMoreOftenThanAllowedEndsAsFailedWithAReason()
    {
        await using var agents = await AgentCluster.StartAsync(postgres, withModel: true, silos: 2,
            settings: new Dictionary<string, string?> { ["Wayfarer:Agents:MaxRunAttempts"] = "1" });
        var held = new ScriptedTurn { Hold = true, Text = "never" };
        agents.Chat.Then(held);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("bob", AgentCluster.Plan(["Lisbon"], Start, 2));
        var orchestrator = agents.Grains.GetGrain<IOrchestratorGrain>(sessionId);
        var submitted = await orchestrator.Submit(new RunRequest("bob", "Plan it", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Model));
        await held.Started.WaitAsync(TimeSpan.FromSeconds(30));
        var silo = (await orchestrator.Watch("bob", submitted.RunId, 0, TimeSpan.Zero))!.Silo;

        await agents.Cluster.StopSiloAsync(agents.Cluster.Silos.Single(s => s.GetRequiredService<IRuntimeDiagnostics>().SiloName == silo));

        var run = await agents.WaitAsync(sessionId, "bob", submitted.RunId, TimeSpan.FromSeconds(60));
        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal("run_interrupted", run.ErrorCode);
        Assert.Equal(1, (await agents.Grains.GetGrain<IPlanGrain>(planId).Get("bob")).Value!.Version);

        // The session takes new messages again.
        AgentCluster.AssertSucceeded(await agents.RunAsync(sessionId, new RunRequest("bob", "Plan it", RunKind.Chat, DoubleTextPolicy.Reject, RunMode.Offline)));
    }
}
