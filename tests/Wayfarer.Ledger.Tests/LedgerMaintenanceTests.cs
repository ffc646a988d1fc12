using System.IO.Compression;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Wayfarer.Grains.Ledger;
using Wayfarer.Ledger.Tests.Support;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LedgerMaintenanceTests(PostgresFixture postgres)
{
    private static readonly string[] Tables =
        ["agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "system_metrics", "notifications"];

    [Fact]
    public async Task APassCreatesThisMonthsAndTheNextTwoMonthsPartitionsOfEveryTable()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var maintenance = Maintenance(db, new ManualTimeProvider(new DateTimeOffset(2031, 11, 20, 0, 0, 0, TimeSpan.Zero)));

        var result = await maintenance.Service.RunOnceAsync();
        var again = await maintenance.Service.RunOnceAsync();

        Assert.NotNull(result);
        Assert.Equal(24, result.PartitionsCreated);
        Assert.Equal(0, again!.PartitionsCreated);
        foreach (var table in Tables)
        {
            foreach (var month in new[] { "203111", "203112", "203201" })
            {
                Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", $"{table}_p{month}"), $"{table}_p{month} should exist");
            }
        }
    }

    [Fact]
    public async Task RowsAlreadyInTheDefaultPartitionMoveIntoTheirNewMonth()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        var id = await InsertCostAsync(db, new DateTimeOffset(2031, 12, 3, 0, 0, 0, TimeSpan.Zero));
        await using var maintenance = Maintenance(db, new ManualTimeProvider(new DateTimeOffset(2031, 11, 20, 0, 0, 0, TimeSpan.Zero)));

        await maintenance.Service.RunOnceAsync();

        Assert.Equal("cost_tracking_p203112", await db.ScalarAsync<string>("SELECT tableoid::regclass::text FROM cost_tracking WHERE id = $1", id));
    }

    [Fact]
    public async Task AnExpiredMonthIsArchivedToGzipCsvAndDroppedFromTheLiveTable()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await db.ScalarAsync<int>("SELECT ledger_create_partitions('2029-01-01', '2029-02-01')");
        var old = await InsertCostAsync(db, new DateTimeOffset(2029, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var kept = await InsertCostAsync(db, new DateTimeOffset(2029, 2, 15, 0, 0, 0, TimeSpan.Zero));
        var directory = Directory.CreateTempSubdirectory("ledger-archive-");
        try
        {
            // 3 May 2029: January ended 91 days ago (archived), February 63 days ago (kept).
            await using var maintenance = Maintenance(db, new ManualTimeProvider(new DateTimeOffset(2029, 5, 3, 0, 0, 0, TimeSpan.Zero)), o =>
            {
                o.RetentionDays = 90;
                o.ArchiveDirectory = directory.FullName;
            });

            var result = await maintenance.Service.RunOnceAsync();

            Assert.Contains("cost_tracking_p202901", result!.PartitionsArchived);
            Assert.DoesNotContain("cost_tracking_p202902", result.PartitionsArchived);
            Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('cost_tracking_p202901') IS NOT NULL"));
            Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", old));
            Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", kept));
            var archive = Path.Combine(directory.FullName, "cost_tracking_p202901.csv.gz");
            await using var gzip = new GZipStream(File.OpenRead(archive), CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            var csv = await reader.ReadToEndAsync();
            Assert.StartsWith("service_id,user_id,id,", csv, StringComparison.Ordinal);
            Assert.Contains(old.ToString(), csv, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WithoutAnArchiveDirectoryAnExpiredMonthMovesToTheArchiveSchema()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await db.ScalarAsync<int>("SELECT ledger_create_partitions('2029-01-01', '2029-01-01')");
        var old = await InsertCostAsync(db, new DateTimeOffset(2029, 1, 15, 0, 0, 0, TimeSpan.Zero));
        await using var maintenance = Maintenance(db, new ManualTimeProvider(new DateTimeOffset(2029, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        await maintenance.Service.RunOnceAsync();

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking WHERE id = $1", old));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM ledger_archive.cost_tracking_p202901 WHERE id = $1", old));
        Assert.Equal(8L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'ledger_archive' AND tablename LIKE '%\\_p202901'"));
    }

    [Fact]
    public async Task APassRefreshesTheDailyCostRollup()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await InsertCostAsync(db, new DateTimeOffset(2031, 11, 2, 10, 0, 0, TimeSpan.Zero), 0.25m);
        await InsertCostAsync(db, new DateTimeOffset(2031, 11, 2, 11, 0, 0, TimeSpan.Zero), 0.50m);
        await using var maintenance = Maintenance(db, new ManualTimeProvider(new DateTimeOffset(2031, 11, 20, 0, 0, 0, TimeSpan.Zero)));
        var before = await db.ScalarAsync<long>("SELECT count(*) FROM cost_daily_rollup");

        await maintenance.Service.RunOnceAsync();

        Assert.Equal(0L, before);
        Assert.Equal(0.75m, await db.ScalarAsync<decimal>("SELECT cost_usd FROM cost_daily_rollup WHERE user_id = 'user-a' AND day = '2031-11-02'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT calls FROM cost_daily_rollup WHERE user_id = 'user-a' AND day = '2031-11-02'"));
    }

    [Fact]
    public async Task APassIsSkippedWhileAnotherSiloHoldsTheMaintenanceLock()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var maintenance = Maintenance(db, TimeProvider.System);
        await using var other = new NpgsqlConnection(db.ConnectionString);
        await other.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", other))
        {
            take.Parameters.AddWithValue(LedgerMaintenance.LockKey);
            await take.ExecuteNonQueryAsync();
        }

        var skipped = await maintenance.Service.RunOnceAsync();
        await using (var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", other))
        {
            release.Parameters.AddWithValue(LedgerMaintenance.LockKey);
            await release.ExecuteNonQueryAsync();
        }

        var ran = await maintenance.Service.RunOnceAsync();

        Assert.Null(skipped);
        Assert.NotNull(ran);
    }

    private static MaintenanceHandle Maintenance(LedgerDatabase db, TimeProvider clock, Action<LedgerOptions>? configure = null)
    {
        var options = new LedgerOptions();
        configure?.Invoke(options);
        var source = new LedgerDataSource(db.ConnectionString);
        return new MaintenanceHandle(source, new LedgerMaintenance(source, Options.Create(options), clock, NullLogger<LedgerMaintenance>.Instance));
    }

    private static async Task<Guid> InsertCostAsync(LedgerDatabase db, DateTimeOffset at, decimal usd = 0.1m)
    {
        var id = Guid.NewGuid();
        await db.ExecuteAsync("""
            INSERT INTO cost_tracking (service_id, user_id, id, provider, model, prompt_tokens, completion_tokens, cost_usd, category, at)
            VALUES ('svc', 'user-a', $1, 'openai', 'gpt-4o-mini', 10, 5, $2, 'chat', $3)
            """, id, usd, at);
        return id;
    }

    private sealed class MaintenanceHandle(LedgerDataSource source, LedgerMaintenance service) : IAsyncDisposable
    {
        public LedgerMaintenance Service { get; } = service;

        public async ValueTask DisposeAsync()
        {
            Service.Dispose();
            await source.DisposeAsync();
        }
    }
}
