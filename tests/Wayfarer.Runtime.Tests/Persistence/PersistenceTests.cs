using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Persistence;

/// <summary>Persistent state semantics through grains, on the in-memory store (the PostgreSQL subclass repeats them).</summary>
[Trait("Category", "Unit")]
public class PersistenceTests
{
    private readonly MemoryGrainStorage _storage = new("memory-" + Guid.NewGuid().ToString("N"));

    /// <summary>Starts a cluster whose in-memory store outlives silo restarts, the way a database would.</summary>
    protected virtual async Task<Testing.TestCluster> StartAsync()
    {
        var cluster = Testing.TestCluster.CreateBuilder()
            .ConfigureServices(s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, _storage))
            .Build();
        await cluster.StartAsync();
        return cluster;
    }

    [Fact]
    public async Task StateIsLoadedBeforeOnActivateAsync()
    {
        await using var cluster = await StartAsync();
        var key = Clusters.Unique("load");
        var grain = cluster.GrainFactory.GetGrain<IStateGrain>(key);
        await grain.Add(7);
        await cluster.RestartAsync();

        var snapshot = await cluster.GrainFactory.GetGrain<IStateGrain>(key).Read();

        Assert.Equal(7, snapshot.ValueSeenAtActivation);
    }

    [Fact]
    public async Task AStaleETagWriteRaisesInconsistentStateLeavesStoredDataAndDeactivatesTheActivation()
    {
        await using var cluster = await StartAsync();
        var key = Clusters.Unique("stale");
        var grain = cluster.GrainFactory.GetGrain<IStateGrain>(key);
        var before = await grain.Add(1, "grain");

        // Another writer (a stale activation elsewhere, an operator) changes the record behind the grain's back.
        var storage = cluster.ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorageNames.Default);
        var external = new GrainState<CounterState>(new CounterState { Value = 100, Note = "external" }) { ETag = before.ETag, RecordExists = true };
        await storage.WriteStateAsync("counter", grain.GetGrainId(), external);

        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add(1, "lost"));
        Assert.Equal(grain.GetGrainId(), error.GrainId);

        var stored = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", grain.GetGrainId(), stored);
        Assert.Equal(100, stored.State.Value);
        Assert.Equal("external", stored.State.Note);

        await Probe.WaitUntil(() => cluster.Diagnostics.ActivationCountsByType().GetValueOrDefault("state") == 0, "the stale activation to be deactivated");
        var after = await grain.Read();
        Assert.NotEqual(before.ActivationId, after.ActivationId);
        Assert.Equal(100, after.Value);
        Assert.Equal(101, (await grain.Add(1)).Value);
    }

    [Fact]
    public async Task TwoGrainTypesWithTheSameKeyNeverCollide()
    {
        await using var cluster = await StartAsync();
        var key = Clusters.Unique("same");
        await cluster.GrainFactory.GetGrain<IStateGrain>(key).Add(1);
        await cluster.GrainFactory.GetGrain<IOtherStateGrain>(key).Add(50);
        await cluster.RestartAsync();

        Assert.Equal(1, (await cluster.GrainFactory.GetGrain<IStateGrain>(key).Read()).Value);
        Assert.Equal(50, (await cluster.GrainFactory.GetGrain<IOtherStateGrain>(key).Read()).Value);
    }

    [Theory]
    [InlineData("a/b/c")]
    [InlineData("plus+sign+")]
    [InlineData("  spaced  ")]
    [InlineData("ünïcødé-東京-🚀")]
    [InlineData("quote'\"; DROP TABLE grain_state;--")]
    [InlineData("")]
    public async Task StringKeysAreNeverParsedLossily(string suffix)
    {
        await using var cluster = await StartAsync();
        var key = Guid.NewGuid().ToString("N") + suffix;
        await cluster.GrainFactory.GetGrain<IStateGrain>(key).Add(3, key);
        await cluster.RestartAsync();

        var grain = cluster.GrainFactory.GetGrain<IStateGrain>(key);
        var snapshot = await grain.Read();
        Assert.Equal(key, grain.GetPrimaryKeyString());
        Assert.Equal(3, snapshot.Value);
        Assert.Equal(key, snapshot.Note);
    }

    [Fact]
    public async Task TheETagChangesOnEveryWriteAndClearAndAMissingRecordReadsAsNotExisting()
    {
        await using var cluster = await StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IStateGrain>(Clusters.Unique("etag"));

        var fresh = await grain.Read();
        Assert.False(fresh.RecordExists);
        Assert.Null(fresh.ETag);

        var first = await grain.Add(1);
        var second = await grain.Add(1);
        var cleared = await grain.Clear();
        var third = await grain.Add(5);

        Assert.True(first.RecordExists);
        Assert.False(cleared.RecordExists);
        Assert.Equal(0, cleared.Value);
        Assert.Equal(5, third.Value);
        var etags = new[] { first.ETag, second.ETag, cleared.ETag, third.ETag };
        Assert.All(etags, Assert.NotNull);
        Assert.Equal(4, etags.Distinct().Count());
    }

    [Fact]
    public async Task StateSurvivesAFullSiloRestart()
    {
        await using var cluster = await StartAsync();
        var keys = Enumerable.Range(0, 25).Select(_ => Clusters.Unique("restart")).ToList();
        await Task.WhenAll(keys.Select((k, i) => cluster.GrainFactory.GetGrain<IStateGrain>(k).Add(i + 1)));

        await cluster.RestartAsync();

        var values = await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<IStateGrain>(k).Read()));
        Assert.Equal(Enumerable.Range(1, 25), values.Select(v => v.Value));
    }
}
