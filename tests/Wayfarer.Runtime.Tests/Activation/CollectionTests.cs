using Wayfarer.Runtime.Testing;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Activation;

[Trait("Category", "Unit")]
public sealed class CollectionTests
{
    [Fact]
    public async Task IdleGrainIsCollectedAfterTheDefaultCollectionAgeOfFifteenMinutes()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await Clusters.StartAsync(b => b.WithTimeProvider(clock));
        var key = Clusters.Unique("idle");
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(key);
        var first = await grain.GetActivationId();
        await Probe.WaitUntil(() => Idle(cluster, grain), "the turn to end");

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, cluster.Diagnostics.CollectIdleActivations());
        Assert.Equal(first, await grain.GetActivationId());

        clock.Advance(TimeSpan.FromMinutes(16));
        await Probe.WaitUntil(() => Probe.Entries("deactivate:" + key).Count == 1, "the idle grain to be collected by the periodic collector");
        Assert.Equal(["IdleCollection"], Probe.Entries("deactivate:" + key));
        Assert.NotEqual(first, await grain.GetActivationId());
    }

    [Fact]
    public async Task CollectionAgeLimitAttributeOverridesTheDefaultPerGrainClass()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await Clusters.StartAsync(b => b.WithTimeProvider(clock));
        var shortLived = cluster.GrainFactory.GetGrain<IShortLivedGrain>(Random.Shared.NextInt64());
        var normal = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("normal"));
        var shortId = await shortLived.GetActivationId();
        var normalId = await normal.GetActivationId();

        // A call's response can reach the caller a moment before its turn formally ends; idleness is measured from then.
        await Probe.WaitUntil(() => Idle(cluster, shortLived) && Idle(cluster, normal), "both turns to end");

        // The periodic collector (every minute) finds the short-lived grain idle past its 2-minute limit.
        clock.Advance(TimeSpan.FromMinutes(3));

        await Probe.WaitUntil(() => !cluster.Diagnostics.ActivationCountsByType().ContainsKey("shortlived"), "the short-lived grain to be collected");
        Assert.NotEqual(shortId, await shortLived.GetActivationId());
        Assert.Equal(normalId, await normal.GetActivationId());
    }

    [Fact]
    public async Task BusyGrainIsNeverCollected()
    {
        var clock = new ManualTimeProvider();

        // No response timeout: the manual clock jumps hours ahead while the call is still running.
        await using var cluster = await Clusters.StartAsync(b => b.WithTimeProvider(clock).WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "-00:00:00.001"));
        var gate = Clusters.Unique("gate");
        var grain = cluster.GrainFactory.GetGrain<ILifecycleGrain>(Clusters.Unique("busy"));
        var blocked = grain.Block(gate);
        await Probe.Within(Probe.Signal(gate + ":entered").Task, "the blocking call to start");

        clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, cluster.Diagnostics.CollectIdleActivations());

        Probe.Signal(gate).SetResult();
        await blocked;
        Assert.Equal(1, cluster.Diagnostics.ActivationCountsByType()["lifecycle"]);
    }

    [Fact]
    public async Task GracefulStopDeactivatesEveryActivation()
    {
        var cluster = await Clusters.StartAsync();
        var keys = Enumerable.Range(0, 20).Select(_ => Clusters.Unique("stop")).ToList();
        await Task.WhenAll(keys.Select(k => cluster.GrainFactory.GetGrain<ILifecycleGrain>(k).Echo("hi")));

        await cluster.StopAsync();

        Assert.All(keys, k => Assert.Equal(["ShuttingDown"], Probe.Entries("deactivate:" + k)));
    }

    private static bool Idle(TestCluster cluster, IAddressable grain)
        => ((Wayfarer.Runtime.Activation.SiloRuntime)cluster.GrainFactory).Catalog.TryGet(grain.GetGrainId(), out var activation) && activation.Load == 0;
}
