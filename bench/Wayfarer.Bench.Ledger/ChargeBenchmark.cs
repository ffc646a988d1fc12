using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Bench.Ledger;

/// <summary>Charges per second through <see cref="IUserLedgerGrain"/>: a silo on PostgreSQL grain storage and reminders,
/// many users, closed-loop callers. A charge is acknowledged once the grain's state (with the charge in its outbox) is
/// committed; the outboxes then reach <c>cost_tracking</c> by group commit, and the lag until the last row lands is
/// reported too. A second scenario measures the real call pattern: reserve before the model call, charge after.</summary>
internal static class ChargeBenchmark
{
    public static async Task RunAsync(DurablePostgres postgres, BenchOptions options, Report report)
    {
        var connectionString = await postgres.CreateDatabaseAsync("chargebench");
        await using var cluster = await StartAsync(connectionString);
        var grains = cluster.GrainFactory;

        // Activate every user first (loads state, registers nothing), so the measurement is charging, not activating.
        await ForEachAsync(options.Users, options.Concurrency, i => grains.GetGrain<IUserLedgerGrain>(User(i)).GetLimits());

        using (var instruments = new Instruments("costs"))
        {
            var latencies = new List<double>[options.Concurrency];
            var started = Stopwatch.GetTimestamp();
            await ClosedLoopAsync(options.Charges, options.Concurrency, latencies, i =>
                grains.GetGrain<IUserLedgerGrain>(User(i)).Charge(Charge(i, null)));
            var acknowledged = Stopwatch.GetElapsedTime(started);
            var landed = await WaitForRowsAsync(connectionString, options.Charges);
            var all = Sorted(latencies);
            var flush = instruments.SortedFlushMs();
            report.Section("UserLedgerGrain: charges", string.Create(CultureInfo.InvariantCulture, $"""
                {options.Concurrency} closed-loop callers, {options.Charges:N0} charges spread over {options.Users:N0} users (already active), grain state and reminders in PostgreSQL.

                | charges | acknowledged in | charges/s | latency p50 | p95 | p99 | all in cost_tracking after | group commits | mean rows/commit | commit p50 | commit p99 |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | {options.Charges:N0} | {acknowledged.TotalSeconds:0.00} s | **{options.Charges / acknowledged.TotalSeconds:N0}** | {Report.Percentile(all, 50):0.0} ms | {Report.Percentile(all, 95):0.0} ms | {Report.Percentile(all, 99):0.0} ms | {Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s ({(landed ? "all rows present" : "TIMED OUT")}) | {instruments.Batches:N0} | {instruments.MeanBatch:0.0} | {Report.Percentile(flush, 50):0.0} ms | {Report.Percentile(flush, 99):0.0} ms |
                """));
        }

        var pairs = options.Charges / 2;
        var pairLatencies = new List<double>[options.Concurrency];
        var pairStarted = Stopwatch.GetTimestamp();
        await ClosedLoopAsync(pairs, options.Concurrency, pairLatencies, async i =>
        {
            var ledger = grains.GetGrain<IUserLedgerGrain>(User(i));
            var reservation = Guid.CreateVersion7();
            var decision = await ledger.Reserve(new SpendReservation(reservation, $"plan-{i % 7}", 0.0005m, "bench"));
            if (decision.Allowed)
            {
                await ledger.Charge(Charge(options.Charges + i, reservation));
            }
        });
        var pairElapsed = Stopwatch.GetElapsedTime(pairStarted);
        var pairSorted = Sorted(pairLatencies);
        report.Section("UserLedgerGrain: reserve + charge", string.Create(CultureInfo.InvariantCulture, $"""
            The pattern around every model call: `Reserve` (cap check, persisted) then `Charge` (persisted, outbox). {options.Concurrency} callers, {pairs:N0} pairs over {options.Users:N0} users.

            | pairs | wall time | pairs/s | pair latency p50 | p95 | p99 |
            |---:|---:|---:|---:|---:|---:|
            | {pairs:N0} | {pairElapsed.TotalSeconds:0.00} s | **{pairs / pairElapsed.TotalSeconds:N0}** | {Report.Percentile(pairSorted, 50):0.0} ms | {Report.Percentile(pairSorted, 95):0.0} ms | {Report.Percentile(pairSorted, 99):0.0} ms |
            """));
    }

    private static string User(int i) => $"bench-user-{i % 1_000_003:D7}";

    private static CostCharge Charge(int i, Guid? reservation) =>
        new(Guid.CreateVersion7(), reservation, $"plan-{i % 7}", null, null, "openai", "gpt-4o-mini", 840, 360, 0.0004m, "chat", DateTimeOffset.UtcNow);

    private static async Task<TestCluster> StartAsync(string connectionString)
    {
        var cluster = TestCluster.CreateBuilder()
            .WithConfiguration("Logging:LogLevel:Default", "Warning")
            .ConfigureSilo(silo => silo
                .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString)
                .UsePostgresReminderTable(o => o.ConnectionString = connectionString)
                .AddWayfarerLedger(connectionString, o =>
                {
                    o.EnableMaintenance = false;
                    o.MetricsInterval = TimeSpan.Zero;
                    o.DefaultDailyUsd = null;
                    o.DefaultPerPlanUsd = null;
                }))
            .Build();
        await cluster.StartAsync();
        return cluster;
    }

    private static async Task ClosedLoopAsync(int total, int callers, List<double>[] latencies, Func<int, Task> call)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(total / callers + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                var started = Stopwatch.GetTimestamp();
                await call(i);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
    }

    private static Task ForEachAsync(int count, int callers, Func<int, Task> call) =>
        ClosedLoopAsync(count, callers, new List<double>[callers], call);

    private static List<double> Sorted(List<double>[] latencies) => [.. latencies.Where(l => l is not null).SelectMany(l => l).Order()];

    private static async Task<bool> WaitForRowsAsync(string connectionString, long expected)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var deadline = Stopwatch.GetTimestamp() + TimeSpan.FromMinutes(2).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM cost_tracking", connection);
            if ((long)(await command.ExecuteScalarAsync())! >= expected)
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }
}
