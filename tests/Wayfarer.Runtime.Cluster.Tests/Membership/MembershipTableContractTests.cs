using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Membership;
using static Wayfarer.Runtime.Cluster.Tests.Support.Members;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

/// <summary>The membership table contract: every <see cref="IMembershipTable"/> passes these tests.</summary>
/// <remarks>Each test uses its own service and cluster id, so implementations may share one backing store.</remarks>
public abstract partial class MembershipTableContractTests : IAsyncLifetime
{
    private readonly List<IMembershipTable> _tables = [];

    /// <summary>Creates a table for a service and cluster; called once or more per test.</summary>
    protected abstract IMembershipTable CreateTable(string serviceId, string clusterId);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var table in _tables)
        {
            await table.DeleteTableAsync();
        }
    }

    [Fact]
    public async Task InitializeTwiceKeepsVersionZero()
    {
        var table = NewTable();

        await Task.WhenAll(table.InitializeAsync(), table.InitializeAsync());
        await table.InitializeAsync();

        var data = await table.ReadAllAsync();
        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Entries);
    }

    [Fact]
    public async Task InitializeNeverResetsATableInUse()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);

        await table.InitializeAsync();

        var data = await table.ReadAllAsync();
        Assert.Equal(1, data.Version.Version);
        AssertSame(entry, Assert.Single(data.Entries).Entry);
    }

    [Fact]
    public async Task ATableThatWasNeverInitializedReadsEmptyAtVersionZeroAndAcceptsAnInsert()
    {
        var table = NewTable();

        var data = await table.ReadAllAsync();
        Assert.Equal(0, data.Version.Version);
        Assert.Empty(data.Entries);

        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), data.Version.Next()));
        Assert.Equal(1, (await table.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task InsertedRowReadsBackWithEveryFieldAndAnETag()
    {
        var table = await NewInitializedTableAsync();
        var voter = NewSilo("10.0.0.8");
        var entry = Entry(NewSilo("fe80::1%eth0", 40000), SiloStatus.Active) with
        {
            SiloName = "Zürich silo 1",
            HostName = "host \"quoted\"",
            StartTime = Now.ToOffset(TimeSpan.FromHours(2)).AddTicks(1234567),
            SuspectVotes = [new SuspectVote(voter, Now.AddSeconds(-5)), new SuspectVote(NewSilo(), Now)],
            GrainTypes = ["trip", "traveller", "itinerary/with slash"],
        };

        await InsertAsync(table, entry);

        var row = Assert.Single((await table.ReadAllAsync()).Entries);
        AssertSame(entry, row.Entry);
        Assert.False(string.IsNullOrEmpty(row.ETag));
    }

    [Fact]
    public async Task InsertAdvancesTheVersionAndGivesItANewETag()
    {
        var table = await NewInitializedTableAsync();
        var before = (await table.ReadAllAsync()).Version;

        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), before.Next()));

        var after = (await table.ReadAllAsync()).Version;
        Assert.Equal(before.Version + 1, after.Version);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task InsertAtAStaleOrSkippedVersionFails()
    {
        var table = await NewInitializedTableAsync();
        var stale = (await table.ReadAllAsync()).Version;
        await InsertAsync(table, Entry(NewSilo()));
        var current = (await table.ReadAllAsync()).Version;

        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), stale.Next()));
        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), current));
        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), current.Next().Next()));
        Assert.False(await table.InsertRowAsync(Entry(NewSilo()), current.Next() with { ETag = "not-the-etag" }));

        var data = await table.ReadAllAsync();
        Assert.Equal(current, data.Version);
        Assert.Single(data.Entries);
    }

    [Fact]
    public async Task InsertOfASiloThatHasARowFails()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        var data = await table.ReadAllAsync();

        Assert.False(await table.InsertRowAsync(entry with { Status = SiloStatus.Active }, data.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(data.Version, after.Version);
        Assert.Equal(SiloStatus.Joining, Assert.Single(after.Entries).Entry.Status);
    }

    [Fact]
    public async Task StaleRowsDoNotBlockAJoin()
    {
        var table = await NewInitializedTableAsync();
        var old = new SiloAddress("10.0.0.9", 11111, 100);
        var restarted = old with { Generation = 200 };
        await InsertAsync(table, Entry(old, SiloStatus.Dead));

        var data = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(Entry(restarted), data.Version.Next()));

        var rows = (await table.ReadAllAsync()).Entries.ToDictionary(row => row.Entry.Silo);
        Assert.Equal(2, rows.Count);
        Assert.Equal(SiloStatus.Dead, rows[old].Entry.Status);
        Assert.Equal(SiloStatus.Joining, rows[restarted].Entry.Status);
    }

    [Fact]
    public async Task UpdateWithTheRowETagAndTheNextVersionReplacesTheRow()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        var data = await table.ReadAllAsync();
        var row = Assert.Single(data.Entries);
        var active = entry with { Status = SiloStatus.Active, SuspectVotes = [new SuspectVote(NewSilo(), Now)] };

        Assert.True(await table.UpdateRowAsync(active, row.ETag, data.Version.Next()));

        var after = await table.ReadAllAsync();
        var updated = Assert.Single(after.Entries);
        AssertSame(active, updated.Entry);
        Assert.NotEqual(row.ETag, updated.ETag);
        Assert.Equal(data.Version.Version + 1, after.Version.Version);
        Assert.NotEqual(data.Version.ETag, after.Version.ETag);
    }

    [Fact]
    public async Task UpdateWithStaleRowETagFails()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        var first = await table.ReadAllAsync();
        var staleETag = Assert.Single(first.Entries).ETag;
        Assert.True(await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, staleETag, first.Version.Next()));
        var current = await table.ReadAllAsync();

        Assert.False(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, staleETag, current.Version.Next()));
        Assert.False(await table.UpdateRowAsync(entry with { Status = SiloStatus.Dead }, "never-issued", current.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(SiloStatus.Active, Assert.Single(after.Entries).Entry.Status);
        Assert.Equal(Assert.Single(current.Entries).ETag, Assert.Single(after.Entries).ETag);
    }

    [Fact]
    public async Task UpdateAtAStaleVersionFailsEvenWithTheCurrentRowETag()
    {
        var table = await NewInitializedTableAsync();
        var entry = Entry(NewSilo());
        await InsertAsync(table, entry);
        var stale = await table.ReadAllAsync();
        await InsertAsync(table, Entry(NewSilo()));

        var rowETag = stale.Entries.Single(row => row.Entry.Silo == entry.Silo).ETag;
        Assert.False(await table.UpdateRowAsync(entry with { Status = SiloStatus.Active }, rowETag, stale.Version.Next()));

        var after = await table.ReadAllAsync();
        Assert.Equal(stale.Version.Version + 1, after.Version.Version);
        Assert.Equal(SiloStatus.Joining, after.Entries.Single(row => row.Entry.Silo == entry.Silo).Entry.Status);
    }

    [Fact]
    public async Task UpdateOfASiloWithoutARowFails()
    {
        var table = await NewInitializedTableAsync();
        var data = await table.ReadAllAsync();

        Assert.False(await table.UpdateRowAsync(Entry(NewSilo()), "any", data.Version.Next()));

        Assert.Equal(data.Version, (await table.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task DeleteTableRemovesEveryRowAndResetsTheVersion()
    {
        var table = await NewInitializedTableAsync();
        await InsertAsync(table, Entry(NewSilo()));

        await table.DeleteTableAsync();

        var data = await table.ReadAllAsync();
        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version.Version);
        Assert.True(await table.InsertRowAsync(Entry(NewSilo()), data.Version.Next()));
    }

    [Fact]
    public async Task TablesOfOtherClustersAreIndependent()
    {
        var serviceId = Ids.New("svc");
        var first = Track(CreateTable(serviceId, Ids.New("cluster")));
        var second = Track(CreateTable(serviceId, Ids.New("cluster")));
        await first.InitializeAsync();
        await second.InitializeAsync();

        await InsertAsync(first, Entry(NewSilo()));

        Assert.Single((await first.ReadAllAsync()).Entries);
        Assert.Empty((await second.ReadAllAsync()).Entries);
        Assert.Equal(0, (await second.ReadAllAsync()).Version.Version);
    }

    protected IMembershipTable NewTable() => Track(CreateTable(Ids.New("svc"), Ids.New("cluster")));

    protected async Task<IMembershipTable> NewInitializedTableAsync()
    {
        var table = NewTable();
        await table.InitializeAsync();
        return table;
    }

    protected static async Task InsertAsync(IMembershipTable table, MembershipEntry entry)
    {
        var data = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(entry, data.Version.Next()), $"inserting {entry.Silo} at version {data.Version.Version + 1} failed");
    }

    private IMembershipTable Track(IMembershipTable table)
    {
        _tables.Add(table);
        return table;
    }
}
