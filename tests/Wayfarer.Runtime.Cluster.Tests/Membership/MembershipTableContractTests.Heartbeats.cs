using Wayfarer.Runtime.Membership;
using static Wayfarer.Runtime.Cluster.Tests.Support.Members;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

/// <content>Heartbeats and the cleanup of defunct rows.</content>
public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task HeartbeatsDoNotChangeTheVersionOrTheRowETag()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        var before = await table.ReadAllAsync();

        await table.UpdateIAmAliveAsync(entry.Silo, Now.AddMinutes(5));
        await table.UpdateIAmAliveAsync(entry.Silo, Now.AddMinutes(6));

        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        var row = Assert.Single(after.Entries);
        Assert.Equal(Assert.Single(before.Entries).ETag, row.ETag);
        AssertSame(entry with { IAmAliveTime = Now.AddMinutes(6) }, row.Entry);
        Assert.True(await table.UpdateRowAsync(row.Entry with { Status = SiloStatus.Active }, row.ETag, after.Version.Next()), "the row's ETag from before the heartbeat must still update it");
    }

    [Fact]
    public async Task ARowReadsWithTheLaterOfItsOwnAliveTimeAndItsHeartbeat()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        await table.UpdateIAmAliveAsync(entry.Silo, Now.AddMinutes(1));
        var data = await table.ReadAllAsync();
        var row = Assert.Single(data.Entries);

        // An update built from an older read must not move the heartbeat back.
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, row.ETag, data.Version.Next()));
        Assert.Equal(Now.AddMinutes(1), Assert.Single((await table.ReadAllAsync()).Entries).Entry.IAmAliveTime);

        data = await table.ReadAllAsync();
        row = Assert.Single(data.Entries);
        Assert.True(await table.UpdateRowAsync(row.Entry with { IAmAliveTime = Now.AddMinutes(2) }, row.ETag, data.Version.Next()));
        Assert.Equal(Now.AddMinutes(2), Assert.Single((await table.ReadAllAsync()).Entries).Entry.IAmAliveTime);
    }

    [Fact]
    public async Task HeartbeatOfASiloWithoutARowChangesNothing()
    {
        var table = await NewInitializedTableAsync();
        await InsertAsync(table, Entry(NewSilo()));
        var before = await table.ReadAllAsync();

        await table.UpdateIAmAliveAsync(NewSilo(), Now.AddMinutes(5));

        var after = await table.ReadAllAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Entries.Select(row => (row.Entry.Silo, row.ETag, row.Entry.IAmAliveTime)), after.Entries.Select(row => (row.Entry.Silo, row.ETag, row.Entry.IAmAliveTime)));
    }

    [Fact]
    public async Task CleanupRemovesOnlyDefunctRows()
    {
        var table = await NewInitializedTableAsync();
        var old = Now.AddDays(-10);
        var cutoff = Now.AddDays(-3);
        var oldRows = Enum.GetValues<SiloStatus>().ToDictionary(status => status, status => Entry(NewSilo(), status, old));
        var recentDead = Entry(NewSilo(), SiloStatus.Dead, Now);
        var recentStopped = Entry(NewSilo(), SiloStatus.Stopped, Now);
        var deadWithRecentHeartbeat = Entry(NewSilo(), SiloStatus.Dead, old);
        foreach (var entry in oldRows.Values.Append(recentDead).Append(recentStopped).Append(deadWithRecentHeartbeat))
        {
            await InsertAsync(table, entry);
        }

        await table.UpdateIAmAliveAsync(deadWithRecentHeartbeat.Silo, Now);
        var before = await table.ReadAllAsync();

        await table.CleanupDefunctSiloEntriesAsync(cutoff);

        var after = await table.ReadAllAsync();
        var expected = before.Entries.Select(row => row.Entry.Silo)
            .Except([oldRows[SiloStatus.Dead].Silo, oldRows[SiloStatus.Stopped].Silo])
            .ToHashSet();
        Assert.True(expected.SetEquals(after.Entries.Select(row => row.Entry.Silo)), $"expected {expected.Count} rows to remain, found {after.Entries.Count}");
        Assert.Equal(before.Version, after.Version);
        Assert.All(after.Entries, row => Assert.Equal(before.Entries.Single(b => b.Entry.Silo == row.Entry.Silo).ETag, row.ETag));
    }

    [Fact]
    public async Task CleanupOfAnEmptyOrAbsentTableDoesNothing()
    {
        var table = NewTable();

        await table.CleanupDefunctSiloEntriesAsync(Now);
        await table.InitializeAsync();
        await table.CleanupDefunctSiloEntriesAsync(Now);

        var data = await table.ReadAllAsync();
        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version.Version);
    }
}
