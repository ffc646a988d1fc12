using Wayfarer.Grains.Ledger;
using Wayfarer.Ledger.Tests.Support;

namespace Wayfarer.Ledger.Tests;

[Trait("Category", "Unit")]
public sealed class LedgerTableTests
{
    [Fact]
    public void OneStatementPerTableWithOneArrayParameterPerColumn()
    {
        var batch = new LedgerBatch();
        foreach (var record in Records.OneOfEach("user-a", Guid.NewGuid()))
        {
            batch.Add(record);
        }

        var commands = batch.Commands("svc").ToList();

        Assert.Equal(8, batch.Count);
        Assert.Equal(["agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "system_metrics", "notifications"],
            commands.Select(c => c.Table));
        Assert.All(commands, c => Assert.StartsWith($"INSERT INTO {c.Table} (service_id, ", c.Command.CommandText, StringComparison.Ordinal));
        Assert.All(commands, c => Assert.Equal("svc", c.Command.Parameters[0].Value));
    }

    [Fact]
    public void AnUpsertBatchKeepsOnlyTheLastRowOfARun()
    {
        var runId = Guid.NewGuid();
        var batch = new LedgerBatch();
        batch.Add(Records.Run("user-a", runId, "queued"));
        batch.Add(Records.Run("user-a", Guid.NewGuid(), "queued"));
        batch.Add(Records.Run("user-a", runId, "completed"));

        var (_, _, command) = Assert.Single(batch.Commands("svc"));
        var statuses = (string[])command.Parameters.Single(p => p.Value is string[] values && values.Contains("completed")).Value!;

        Assert.Equal(["queued", "completed"], statuses);
        Assert.Equal([runId], ((Guid[])command.Parameters[2].Value!).Where(id => id == runId));
    }
}
