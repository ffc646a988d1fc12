using Wayfarer.Ledger.Tests.Support;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RowLevelSecurityTests(PostgresFixture postgres)
{
    public static TheoryData<string> UserTables => new() { "agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "notifications" };

    public static TheoryData<string> CostViews => new() { "cost_by_day", "cost_by_plan", "cost_by_agent", "cost_by_model" };

    [Theory]
    [MemberData(nameof(UserTables))]
    public async Task ARequestForUserASeesOnlyUserARowsOfEveryLedgerTable(string table)
    {
        var db = await SeedAsync();

        var seenByA = await db.ScalarAsUserAsync<long>("user-a", $"SELECT count(*) FROM {table}");
        var bSeenByA = await db.ScalarAsUserAsync<long>("user-a", $"SELECT count(*) FROM {table} WHERE user_id = 'user-b'");
        var seenByNobody = await db.ScalarAsUserAsync<long>("", $"SELECT count(*) FROM {table}");
        var all = await db.ScalarAsync<long>($"SELECT count(*) FROM {table}");

        Assert.Equal(1L, seenByA);
        Assert.Equal(0L, bSeenByA);
        Assert.Equal(0L, seenByNobody);
        Assert.Equal(2L, all);
    }

    [Fact]
    public async Task SiloMetricsAreInvisibleToRequests()
    {
        var db = await SeedAsync();

        Assert.Equal(0L, await db.ScalarAsUserAsync<long>("user-a", "SELECT count(*) FROM system_metrics"));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM system_metrics"));
    }

    [Theory]
    [MemberData(nameof(CostViews))]
    public async Task CostViewsApplyTheCallersRowLevelSecurity(string view)
    {
        var db = await SeedAsync();

        Assert.Equal(0.0021m, await db.ScalarAsUserAsync<decimal>("user-a", $"SELECT coalesce(sum(cost_usd), 0) FROM {view}"));
        Assert.Equal(0L, await db.ScalarAsUserAsync<long>("user-a", $"SELECT count(*) FROM {view} WHERE user_id = 'user-b'"));
        Assert.Equal(0.0042m, await db.ScalarAsync<decimal>($"SELECT sum(cost_usd) FROM {view}"));
    }

    [Fact]
    public async Task RequestsCannotWriteLedgerRows()
    {
        var db = await SeedAsync();

        var refused = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ScalarAsUserAsync<long>("user-a",
            "WITH d AS (DELETE FROM cost_tracking WHERE user_id = 'user-a' RETURNING 1) SELECT count(*) FROM d"));

        Assert.Equal(Npgsql.PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    private async Task<LedgerDatabase> SeedAsync()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var writer = new TestWriter(db.ConnectionString, "svc");
        foreach (var user in new[] { "user-a", "user-b" })
        {
            foreach (var record in Records.OneOfEach(user, Guid.NewGuid()))
            {
                await writer.Writer.WriteAsync(record);
            }
        }

        await writer.Writer.FlushAsync();
        return db;
    }
}
