using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Activation;

[Trait("Category", "Unit")]
public sealed class ActivationTests
{
    [Fact]
    public async Task ConcurrentFirstCallsToAColdGrainSeeOneActivation()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("cold"));

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => grain.GetActivationId())));

        Assert.Single(ids.Distinct());
        Assert.Equal(1, await grain.GetActivateCount());
    }

    [Fact]
    public async Task ExceptionInOnActivateFailsTheTriggeringCallAndTheNextCallRetries()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("fail-once"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Echo("first"));
        Assert.Equal("first activation fails on purpose", error.Message);

        Assert.Equal("second", await grain.Echo("second"));
        Assert.Equal(2, await grain.GetActivateCount());
    }

    [Fact]
    public async Task AfterDeactivationTheNextCallMakesANewActivationAndRunsOnActivateAgain()
    {
        await using var cluster = await Clusters.StartAsync();
        var key = Clusters.Unique("redo");
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.GetActivationId();

        await grain.Deactivate();
        await Probe.WaitUntil(() => Probe.Entries("deactivate:" + key).Count == 1, "the grain to deactivate");

        var second = await grain.GetActivationId();
        Assert.NotEqual(first, second);
        Assert.Equal(2, await grain.GetActivateCount());
        Assert.Equal(["ApplicationRequested"], Probe.Entries("deactivate:" + key));
    }

    [Fact]
    public async Task CallsQueuedDuringDeactivationGoToTheNextActivationWithoutError()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("forward"));
        await grain.GetActivationId();

        var deactivate = grain.Deactivate();
        var echoes = Enumerable.Range(0, 50).Select(i => grain.Echo(i.ToString())).ToArray();
        await deactivate;

        var results = await Task.WhenAll(echoes);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => i.ToString()), results);
    }

    [Fact]
    public async Task GrainReferencesAreEqualForTheSameGrainAndKeysRoundTrip()
    {
        await using var cluster = await Clusters.StartAsync();
        var guid = Guid.NewGuid();
        var a = cluster.GrainFactory.GetGrain<IContextGrain>(guid);
        var b = cluster.GrainFactory.GetGrain<IContextGrain>(guid);
        var compound = cluster.GrainFactory.GetGrain<ICompoundGrain>(-42, "ext+with/slash");

        Assert.Equal(a, b);
        Assert.Equal(guid.ToString(), await a.KeyInfo());
        Assert.Equal("-42|ext+with/slash", await compound.KeyInfo());
    }

    [Fact]
    public async Task UnknownKeyKindsAndAmbiguousInterfacesAreClearErrors()
    {
        await using var cluster = await Clusters.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => cluster.GrainFactory.GetGrain<IConcurrencyGrain>("x"));
        Assert.Contains("Several grain classes", error.Message, StringComparison.Ordinal);
        Assert.NotNull(cluster.GrainFactory.GetGrain<IConcurrencyGrain>("x", "PlainConcurrency"));
    }
}
