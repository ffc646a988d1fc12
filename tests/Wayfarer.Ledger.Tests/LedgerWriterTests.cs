using Wayfarer.Grains.Ledger;
using Wayfarer.Ledger.Tests.Support;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class LedgerWriterTests(PostgresFixture postgres)
{
    private static readonly string[] Tables =
        ["agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "system_metrics", "notifications"];

    [Fact]
    public async Task EveryRecordTypeLandsInItsTable()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var writer = new TestWriter(db.ConnectionString, "svc");
        var runId = Guid.NewGuid();

        foreach (var record in Records.OneOfEach("user-a", runId))
        {
            await writer.Writer.WriteAsync(record);
        }

        await writer.Writer.FlushAsync();

        foreach (var table in Tables)
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE service_id = 'svc'"));
        }

        Assert.Equal(0.2m, await db.ScalarAsync<decimal>("SELECT (config->>'temperature')::numeric FROM agent_executions"));
        Assert.Equal("ledger", await db.ScalarAsync<string>("SELECT labels->>'type' FROM system_metrics"));
        Assert.Equal(0.0021m, await db.ScalarAsync<decimal>("SELECT cost_usd FROM cost_tracking WHERE run_id = $1", runId));
    }

    [Fact]
    public async Task RunStatusChangesUpdateOneRowWithinAndAcrossBatches()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var writer = new TestWriter(db.ConnectionString, "svc");
        var runId = Guid.NewGuid();

        await writer.Writer.WriteAsync(Records.Run("user-a", runId, "queued"));
        await writer.Writer.WriteAsync(Records.Run("user-a", runId, "running"));
        await writer.Writer.FlushAsync();
        var afterFirst = await db.ScalarAsync<string>("SELECT status FROM agent_runs WHERE run_id = $1", runId);
        await writer.Writer.WriteAsync(Records.Run("user-a", runId, "completed"));
        await writer.Writer.FlushAsync();

        Assert.Equal("running", afterFirst);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM agent_runs WHERE run_id = $1", runId));
        Assert.Equal("completed", await db.ScalarAsync<string>("SELECT status FROM agent_runs WHERE run_id = $1", runId));
        Assert.Equal("Here is your plan", await db.ScalarAsync<string>("SELECT reply FROM agent_runs WHERE run_id = $1", runId));
    }

    [Fact]
    public async Task ABurstIsWrittenInBatchesNoLargerThanTheBatchSize()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var writer = new TestWriter(db.ConnectionString, "svc", o => o.BatchSize = 100);

        for (var i = 0; i < 1050; i++)
        {
            await writer.Writer.WriteAsync(new SystemMetricRecord("silo-1", "m", i, null, Records.At.AddSeconds(i)));
        }

        await writer.Writer.FlushAsync();

        Assert.Equal(1050L, await db.ScalarAsync<long>("SELECT count(*) FROM system_metrics"));
        var sizes = writer.BatchSizes;
        Assert.Equal(1050, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 1, 100));
        Assert.True(sizes.Count >= 11, $"expected at least 11 batches, saw {sizes.Count}");
    }

    [Fact]
    public async Task RowsQueuedBeforeTheTablesExistAreWrittenOnceTheyDo()
    {
        var db = await LedgerDatabase.CreateAsync(postgres, migrate: false);
        await using var writer = new TestWriter(db.ConnectionString, "svc");
        var runId = Guid.NewGuid();
        foreach (var record in Records.OneOfEach("user-a", runId))
        {
            await writer.Writer.WriteAsync(record);
        }

        var flushed = writer.Writer.FlushAsync();
        await LedgerDatabase.MigrateAsync(db.ConnectionString);
        await flushed.WaitAsync(TimeSpan.FromSeconds(30));

        foreach (var table in Tables)
        {
            Assert.Equal(1L, await db.ScalarAsync<long>($"SELECT count(*) FROM {table}"));
        }
    }

    [Fact]
    public async Task GroupCommittedCostsAreWrittenOnceHoweverOftenTheyAreSent()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var writer = new TestWriter(db.ConnectionString, "svc");
        var rows = Enumerable.Range(0, 20)
            .Select(i => new CostRecord(Guid.NewGuid(), $"user-{i % 3}", null, null, null, "openai", "gpt-4o-mini", 10, 5, 0.001m * (i + 1), "chat", Records.At))
            .ToList();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => writer.Writer.WriteCostsAsync(rows)));
        await writer.Writer.WriteCostsAsync(rows[..5]);

        Assert.Equal(20L, await db.ScalarAsync<long>("SELECT count(*) FROM cost_tracking"));
        Assert.Equal(rows.Sum(r => r.CostUsd), await db.ScalarAsync<decimal>("SELECT sum(cost_usd) FROM cost_tracking"));
    }

    [Fact]
    public async Task CostWritesFailWithATransientErrorWhenPostgresIsUnreachable()
    {
        await using var writer = new TestWriter(ClosedPort.ConnectionString(), "svc", o => o.CostWriteAttempts = 2);

        var failure = await Assert.ThrowsAsync<LedgerWriteException>(() =>
            writer.Writer.WriteCostsAsync([new CostRecord(Guid.NewGuid(), "u", null, null, null, "openai", "m", 1, 1, 0.01m, "chat", Records.At)]));

        Assert.True(failure.IsTransient);
        Assert.Equal(1, failure.Rows);
    }
}
