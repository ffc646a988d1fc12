using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Membership;
using static Wayfarer.Runtime.Cluster.Tests.Support.Members;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

/// <content>Concurrent writers: compare-and-set on the version serializes them.</content>
public abstract partial class MembershipTableContractTests
{
    [Fact]
    public async Task OfTwentyParallelInsertsAtOneVersionExactlyOneWins()
    {
        const int Inserters = 20;
        var table = await NewInitializedTableAsync();
        var next = (await table.ReadAllAsync()).Version.Next();
        var entries = Enumerable.Range(0, Inserters).Select(_ => Entry(NewSilo())).ToList();

        var outcomes = await StartGate.RunTogetherAsync(Inserters, i => table.InsertRowAsync(entries[i], next));

        var winner = Assert.Single(Enumerable.Range(0, Inserters), i => outcomes[i]);
        var data = await table.ReadAllAsync();
        Assert.Equal(next.Version, data.Version.Version);
        Assert.Equal(entries[winner].Silo, Assert.Single(data.Entries).Entry.Silo);
    }

    [Fact]
    public async Task OfTwentyParallelInsertsOfOneSiloExactlyOneWins()
    {
        const int Inserters = 20;
        var table = await NewInitializedTableAsync();
        var next = (await table.ReadAllAsync()).Version.Next();
        var entry = Entry(NewSilo());

        var outcomes = await StartGate.RunTogetherAsync(Inserters, _ => table.InsertRowAsync(entry, next));

        Assert.Single(outcomes, outcome => outcome);
        Assert.Single((await table.ReadAllAsync()).Entries);
    }

    [Fact]
    public async Task RacingUpdatersSerialize()
    {
        const int Updaters = 8;
        const int UpdatesEach = 5;
        var table = await NewInitializedTableAsync();
        var silo = NewSilo();
        await InsertAsync(table, Entry(silo));
        var initial = (await table.ReadAllAsync()).Version.Version;
        var successes = 0;
        var conflicts = 0;

        await StartGate.RunTogetherAsync(Updaters, async updater =>
        {
            for (var update = 0; update < UpdatesEach; update++)
            {
                while (true)
                {
                    var data = await table.ReadAllAsync();
                    var row = data.Entries.Single(r => r.Entry.Silo == silo);
                    var changed = row.Entry with { GrainTypes = [.. row.Entry.GrainTypes, $"updater-{updater}-update-{update}"] };
                    if (await table.UpdateRowAsync(changed, row.ETag, data.Version.Next()))
                    {
                        Interlocked.Increment(ref successes);
                        break;
                    }

                    Interlocked.Increment(ref conflicts);
                }
            }

            return true;
        });

        var final = await table.ReadAllAsync();
        Assert.Equal(Updaters * UpdatesEach, successes);
        Assert.Equal(initial + successes, final.Version.Version);
        var markers = Assert.Single(final.Entries).Entry.GrainTypes;
        var expected = Enumerable.Range(0, Updaters).SelectMany(u => Enumerable.Range(0, UpdatesEach).Select(n => $"updater-{u}-update-{n}"));
        Assert.True(
            expected.Order().SequenceEqual(markers.Order()),
            $"every successful update must survive; expected {Updaters * UpdatesEach} distinct markers, found {markers.Count} ({markers.Distinct().Count()} distinct) after {conflicts} conflicts");
    }

    [Fact]
    public async Task ConcurrentHeartbeatsAndUpdatesDoNotConflict()
    {
        const int Rounds = 20;
        var table = await NewInitializedTableAsync();
        var silo = NewSilo();
        await InsertAsync(table, Entry(silo));

        var heartbeats = Task.Run(async () =>
        {
            for (var i = 1; i <= Rounds; i++)
            {
                await table.UpdateIAmAliveAsync(silo, Now.AddSeconds(i));
            }
        });
        var updates = Task.Run(async () =>
        {
            for (var i = 0; i < Rounds; i++)
            {
                var data = await table.ReadAllAsync();
                var row = Assert.Single(data.Entries);
                Assert.True(await table.UpdateRowAsync(row.Entry with { SiloName = $"round {i}" }, row.ETag, data.Version.Next()), "a heartbeat made an update fail");
            }
        });
        await Task.WhenAll(heartbeats, updates).WaitAsync(TimeSpan.FromSeconds(60));

        var final = Assert.Single((await table.ReadAllAsync()).Entries).Entry;
        Assert.Equal($"round {Rounds - 1}", final.SiloName);
        Assert.Equal(Now.AddSeconds(Rounds), final.IAmAliveTime);
    }
}
