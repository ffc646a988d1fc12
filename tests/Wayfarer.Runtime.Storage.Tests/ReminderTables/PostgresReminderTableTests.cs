using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.ReminderTables;

[Trait("Category", "Integration")]
public sealed class PostgresReminderTableTests(MigratedDatabase database) : ReminderTableContractTests, IClassFixture<MigratedDatabase>
{
    protected override IReminderTable CreateTable(string serviceId) =>
        new PostgresReminderTable(serviceId, new PostgresReminderTableOptions { ConnectionString = database.ConnectionString });

    [Fact]
    public async Task ReadRangeReturnsExactlyTheRemindersWhoseHashLiesInTheRange()
    {
        var table = (PostgresReminderTable)await NewTableAsync();
        var hashes = new Dictionary<GrainId, uint>();
        for (var i = 0; i < 40; i++)
        {
            var grainId = NewGrainId();
            hashes[grainId] = GrainHash.Compute(grainId);
            await table.UpsertRowAsync(Entry(grainId, "tick"));
        }

        uint[] points = [0, 0x4000_0000, 0x8000_0000, 0xC000_0000, uint.MaxValue];
        foreach (var begin in points)
        {
            foreach (var end in points)
            {
                var rows = await table.ReadRangeAsync(begin, end);

                var expected = hashes.Where(pair => InRange(pair.Value, begin, end)).Select(pair => pair.Key).ToHashSet();
                Assert.True(expected.SetEquals(rows.Select(row => row.GrainId)), $"range ({begin:X8}, {end:X8}] returned {rows.Count} rows, expected {expected.Count}");
            }
        }
    }

    [Fact]
    public async Task AdjacentRangesPartitionTheRing()
    {
        var table = (PostgresReminderTable)await NewTableAsync();
        for (var i = 0; i < 40; i++)
        {
            await table.UpsertRowAsync(Entry(NewGrainId(), "tick"));
        }

        var first = await table.ReadRangeAsync(0x1234_5678, 0x9000_0000);
        var second = await table.ReadRangeAsync(0x9000_0000, 0x1234_5678);

        Assert.Equal(40, first.Count + second.Count);
        Assert.Empty(first.Select(row => row.GrainId).Intersect(second.Select(row => row.GrainId)));
    }

    [Fact]
    public async Task StoredGrainHashIsTheOrderPreservingImageOfTheFnvHash()
    {
        var serviceId = "svc-" + Guid.NewGuid().ToString("N");
        var table = await NewTableAsync(serviceId);
        var grainId = NewGrainId();
        await table.UpsertRowAsync(Entry(grainId, "tick"));

        var stored = (int)(await Db.ScalarAsync(database.ConnectionString, "SELECT grain_hash FROM reminders WHERE service_id = $1", serviceId))!;

        Assert.Equal(GrainHash.Compute(grainId), unchecked((uint)stored) ^ 0x8000_0000u);
    }

    [Fact]
    public async Task InitializeFailsWhenTheTableWasNeverMigrated()
    {
        var server = await SharedServers.GetPostgresAsync();
        var empty = await server.CreateDatabaseAsync("nomigrations");
        await using var table = new PostgresReminderTable("svc", new PostgresReminderTableOptions { ConnectionString = empty });

        var exception = await Assert.ThrowsAsync<WayfarerException>(() => table.InitializeAsync());

        Assert.Contains("reminders", exception.Message, StringComparison.Ordinal);
    }

    private static bool InRange(uint hash, uint begin, uint end) =>
        begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
}
