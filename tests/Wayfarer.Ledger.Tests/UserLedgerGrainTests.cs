using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Ledger.Tests.Support;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class UserLedgerGrainTests(PostgresFixture postgres)
{
    [Fact]
    public async Task AReservationThatWouldPassTheDailyCapIsDeniedWithTheReason()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var clock = new ManualTimeProvider(Records.At);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: clock);
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(1.00m, null));

        var first = await ledger.Reserve(Records.Reserve(0.60m));
        var second = await ledger.Reserve(Records.Reserve(0.50m));

        Assert.True(first.Allowed);
        Assert.False(second.Allowed);
        Assert.Equal("daily_cap", second.Reason);
        Assert.Contains("daily limit of $1.00", second.Message, StringComparison.Ordinal);
        Assert.Equal(0.60m, second.Summary.ReservedUsd);
    }

    [Fact]
    public async Task AReservationThatWouldPassThePlanCapIsDeniedWhileOtherPlansGoAhead()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: new ManualTimeProvider(Records.At));
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(null, 0.50m));
        await ledger.Charge(Records.Charge(0.25m, "plan-1"));

        var tooMuch = await ledger.Reserve(Records.Reserve(0.30m, "plan-1"));
        var fits = await ledger.Reserve(Records.Reserve(0.20m, "plan-1"));
        var nextOnSamePlan = await ledger.Reserve(Records.Reserve(0.10m, "plan-1"));
        var otherPlan = await ledger.Reserve(Records.Reserve(0.45m, "plan-2"));

        Assert.False(tooMuch.Allowed);
        Assert.Equal("plan_cap", tooMuch.Reason);
        Assert.Contains("per-plan limit of $0.50", tooMuch.Message, StringComparison.Ordinal);
        Assert.True(fits.Allowed);
        Assert.False(nextOnSamePlan.Allowed);
        Assert.True(otherPlan.Allowed);
        Assert.Equal(0.25m, (await ledger.GetSpend("plan-1")).PlanUsd);
    }

    [Fact]
    public async Task ChargingOrReleasingAReservationFreesTheMoneyItHeld()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: new ManualTimeProvider(Records.At));
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(1.00m, null));
        var held = Guid.NewGuid();
        var charged = Guid.NewGuid();
        await ledger.Reserve(Records.Reserve(0.50m, id: held));
        await ledger.Reserve(Records.Reserve(0.40m, id: charged));

        var whileHeld = await ledger.Reserve(Records.Reserve(0.50m));
        await ledger.Release(held);
        await ledger.Charge(Records.Charge(0.10m, reservationId: charged));
        var afterwards = await ledger.Reserve(Records.Reserve(0.85m));

        Assert.False(whileHeld.Allowed);
        Assert.True(afterwards.Allowed);
        Assert.Equal(0.10m, afterwards.Summary.TodayUsd);
        Assert.Equal(0.85m, afterwards.Summary.ReservedUsd);
    }

    [Fact]
    public async Task AnAbandonedReservationExpiresAndStopsBlockingTheUser()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var clock = new ManualTimeProvider(Records.At);
        await using var cluster = await LedgerCluster.StartAsync(db, o => o.ReservationTimeToLive = TimeSpan.FromMinutes(10), clock);
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(1.00m, null));
        await ledger.Reserve(Records.Reserve(0.90m));

        var blocked = await ledger.Reserve(Records.Reserve(0.50m));
        clock.Advance(TimeSpan.FromMinutes(11));
        var allowed = await ledger.Reserve(Records.Reserve(0.50m));

        Assert.False(blocked.Allowed);
        Assert.True(allowed.Allowed);
        Assert.Equal(0.50m, allowed.Summary.ReservedUsd);
    }

    [Fact]
    public async Task TodaysSpendStartsAgainAtMidnightUtc()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 15, 23, 50, 0, TimeSpan.Zero));
        await using var cluster = await LedgerCluster.StartAsync(db, clock: clock);
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(1.00m, null));
        await ledger.Charge(Records.Charge(0.90m, at: clock.GetUtcNow()));

        var lateEvening = await ledger.Reserve(Records.Reserve(0.50m));
        clock.Advance(TimeSpan.FromMinutes(15));
        var spendAfterMidnight = await ledger.GetSpend(null);
        var afterMidnight = await ledger.Reserve(Records.Reserve(0.50m));

        Assert.False(lateEvening.Allowed);
        Assert.Equal(new DateOnly(2030, 1, 16), spendAfterMidnight.Day);
        Assert.Equal(0m, spendAfterMidnight.TodayUsd);
        Assert.True(afterMidnight.Allowed);
    }

    [Fact]
    public async Task ACostChargedTwiceIsCountedAndStoredOnce()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: new ManualTimeProvider(Records.At));
        var ledger = cluster.Ledger("user-a");
        var charge = Records.Charge(0.12m, "plan-1");

        await ledger.Charge(charge);
        await ledger.Flush();
        var again = await ledger.Charge(charge);
        await ledger.Flush();

        Assert.Equal(0.12m, again.TodayUsd);
        Assert.Equal(0.12m, (await ledger.GetSpend("plan-1")).PlanUsd);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", charge.ChargeId));
        Assert.Equal("user-a", await db.ScalarAsync<string>("SELECT user_id FROM cost_tracking WHERE id = $1", charge.ChargeId));
    }

    [Fact]
    public async Task AChargeReachesCostTrackingWithoutAnExplicitFlush()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        // The reminder would flush too, much later: only the outbox timer can make it within the deadline.
        await using var cluster = await LedgerCluster.StartAsync(db, o => o.OutboxReminderPeriod = TimeSpan.FromHours(1));
        var charge = Records.Charge(0.05m, "plan-1", at: DateTimeOffset.UtcNow);

        await cluster.Ledger("user-a").Charge(charge);

        var rows = await db.WaitForCountAsync(1, TimeSpan.FromSeconds(20), "SELECT count(*) FROM cost_tracking WHERE id = $1", charge.ChargeId);
        Assert.Equal(1L, rows);
    }

    [Fact]
    public async Task DefaultLimitsComeFromConfiguration()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, settings: new Dictionary<string, string?>
        {
            ["Wayfarer:Ledger:DefaultDailyUsd"] = "3",
            ["Wayfarer:Ledger:DefaultPerPlanUsd"] = "1.5",
        });

        var limits = await cluster.Ledger("user-a").GetLimits();

        Assert.Equal(new SpendLimits(3m, 1.5m), limits);
    }

    [Fact]
    public async Task LimitsOutsideTheAllowedRangeAreRefused()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => cluster.Ledger("user-a").SetLimits(new SpendLimits(-1m, null)));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => cluster.Ledger("user-a").SetLimits(new SpendLimits(null, 100_001m)));
        Assert.Equal(new SpendLimits(5m, 2m), await cluster.Ledger("user-a").GetLimits());
    }

    [Fact]
    public async Task SpendAndLimitsSurviveARestart()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var clock = new ManualTimeProvider(Records.At);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: clock);
        await cluster.Ledger("user-a").SetLimits(new SpendLimits(4m, null));
        await cluster.Ledger("user-a").Charge(Records.Charge(0.30m, "plan-1"));
        await cluster.Ledger("user-a").Charge(Records.Charge(0.20m, "plan-2"));
        await cluster.Ledger("user-a").Reserve(Records.Reserve(0.40m, "plan-1"));

        await cluster.Cluster.RestartAsync();
        var plan1 = await cluster.Ledger("user-a").GetSpend("plan-1");
        var plan2 = await cluster.Ledger("user-a").GetSpend("plan-2");

        Assert.Equal(0.50m, plan1.TodayUsd);
        Assert.Equal(0.30m, plan1.PlanUsd);
        Assert.Equal(0.20m, plan2.PlanUsd);
        Assert.Equal(0.40m, plan1.ReservedUsd);
        Assert.Equal(4m, plan1.Limits.DailyUsd);
        Assert.Null(plan1.Limits.PerPlanUsd);
    }

    [Fact]
    public async Task AChargeMadeWhileCostTrackingIsUnreachableIsWrittenExactlyOnceByTheNextCluster()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var serviceId = "crash-" + Guid.NewGuid().ToString("N")[..8];
        var charge = Records.Charge(0.07m, "plan-1", at: DateTimeOffset.UtcNow);
        await using (var broken = await LedgerCluster.StartAsync(db, o => o.CostWriteAttempts = 1, serviceId: serviceId, ledgerConnectionString: ClosedPort.ConnectionString()))
        {
            var summary = await broken.Ledger("user-a").Charge(charge);
            Assert.Equal(0.07m, summary.PlanUsd);
        }

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking"));
        await using var next = await LedgerCluster.StartAsync(db, serviceId: serviceId);

        // Nobody calls the grain: the outbox reminder registered with the charge activates it and flushes.
        var rows = await db.WaitForCountAsync(1, TimeSpan.FromSeconds(30), "SELECT count(*) FROM cost_tracking WHERE id = $1", charge.ChargeId);
        await next.Ledger("user-a").Flush();
        await next.Ledger("user-a").Charge(charge);
        await next.Ledger("user-a").Flush();

        Assert.Equal(1L, rows);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", charge.ChargeId));
        Assert.Equal(0.07m, (await next.Ledger("user-a").GetSpend("plan-1")).PlanUsd);
    }

    [Fact]
    public async Task TheOutboxReminderIsGoneOnceEveryChargeIsWritten()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db);
        var ledger = cluster.Ledger("user-a");

        await ledger.Charge(Records.Charge(0.01m, at: DateTimeOffset.UtcNow));
        var whilePending = await db.ScalarAsync<long>("SELECT count(*) FROM reminders WHERE service_id = $1", cluster.ServiceId);
        await ledger.Flush();
        var afterFlush = await db.ScalarAsync<long>("SELECT count(*) FROM reminders WHERE service_id = $1", cluster.ServiceId);

        Assert.Equal(1L, whilePending);
        Assert.Equal(0L, afterFlush);
    }

    [Fact]
    public async Task EraseForgetsTheUserButKeepsTheMoneyCharged()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, clock: new ManualTimeProvider(Records.At));
        var ledger = cluster.Ledger("user-a");
        await ledger.SetLimits(new SpendLimits(9m, 9m));
        var charge = Records.Charge(0.33m, "plan-1");
        await ledger.Charge(charge);

        await ledger.Erase();
        var after = await ledger.GetSpend("plan-1");

        Assert.Equal(0m, after.TodayUsd);
        Assert.Equal(0m, after.PlanUsd);
        Assert.Equal(new SpendLimits(5m, 2m), after.Limits);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", charge.ChargeId));
    }
}
