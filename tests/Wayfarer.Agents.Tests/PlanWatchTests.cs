using Wayfarer.Agents.Tests.Support;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Agents.Watch;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests;

/// <summary>A confirmed plan is re-validated before departure and the traveller is notified when it no longer holds.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PlanWatchTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AConfirmedPlanThatNoLongerHoldsBeforeDepartureRecordsOneNotification()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        // Departure within the 72-hour window, so the re-check runs at once.
        var start = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(2);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("alice", AgentCluster.Plan(["Paris"], start, 2));
        AgentCluster.AssertSucceeded(await agents.RunAsync(sessionId, new RunRequest("alice", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline)));
        var plans = agents.Grains.GetGrain<IPlanGrain>(planId);
        var generated = (await plans.Get("alice")).Value!;

        // The traveller moves a visit to 03:00 (outside opening hours and the day) and confirms.
        var day = generated.Content.Itinerary.Days[0];
        var visit = day.Items.First(i => i.Category == ItemCategory.Activity && i.PlaceId is not null);
        var broken = day with { Items = [.. day.Items.Select(i => i == visit ? i with { Start = new TimeOnly(3, 0), End = new TimeOnly(4, 0) } : i)] };
        var confirmed = generated.Content with { Status = PlanStatus.Confirmed, Itinerary = new Itinerary([broken, .. generated.Content.Itinerary.Days.Skip(1)]) };
        Assert.Equal(PlanOutcome.Ok, (await plans.Update("alice", confirmed, generated.Version)).Outcome);

        var watch = agents.Grains.GetGrain<IPlanWatchGrain>(planId);
        await Probe.WaitUntilAsync(async () => (await watch.GetStatus()).Checks >= 1, "the departure re-check");
        var status = await watch.GetStatus();
        Assert.True(status.Watching);
        Assert.NotEmpty(status.LastIssues);
        await agents.FlushLedgerAsync();
        await Probe.WaitUntilAsync(async () => await agents.CountAsync("SELECT count(*) FROM notifications WHERE plan_id = $1 AND user_id = 'alice' AND kind = 'plan_recheck'", planId) == 1,
            "one notification");

        // Un-confirming the plan stops the watch.
        Assert.Equal(PlanOutcome.Ok, (await plans.Update("alice", confirmed with { Status = PlanStatus.Planning }, null)).Outcome);
        Assert.False((await watch.GetStatus()).Watching);
        await agents.FlushLedgerAsync();
        Assert.Equal(1, await agents.CountAsync("SELECT count(*) FROM notifications WHERE plan_id = $1", planId));
    }

    [Fact]
    public async Task AConfirmedPlanThatStillHoldsIsCheckedWithoutANotification()
    {
        await using var agents = await AgentCluster.StartAsync(postgres);
        var start = DateOnly.FromDateTime(DateTime.UtcNow.Date).AddDays(1);
        var (planId, sessionId) = await agents.PlanAndSessionAsync("bob", AgentCluster.Plan(["Rome"], start, 2));
        AgentCluster.AssertSucceeded(await agents.RunAsync(sessionId, new RunRequest("bob", "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline)));
        var plans = agents.Grains.GetGrain<IPlanGrain>(planId);
        var generated = (await plans.Get("bob")).Value!;
        Assert.Equal(PlanOutcome.Ok, (await plans.Update("bob", generated.Content with { Status = PlanStatus.Confirmed }, generated.Version)).Outcome);

        var watch = agents.Grains.GetGrain<IPlanWatchGrain>(planId);
        await Probe.WaitUntilAsync(async () => (await watch.GetStatus()).Checks >= 1, "the departure re-check");

        Assert.Empty((await watch.GetStatus()).LastIssues);
        await agents.FlushLedgerAsync();
        Assert.Equal(0, await agents.CountAsync("SELECT count(*) FROM notifications WHERE plan_id = $1", planId));
    }
}
