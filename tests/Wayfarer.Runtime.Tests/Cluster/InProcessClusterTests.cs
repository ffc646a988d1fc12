using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Placement;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Testing;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Cluster;

/// <summary>Several silos in this process form a real cluster: TCP transport on loopback, membership, directory.</summary>
[Trait("Category", "Cluster")]
public sealed class InProcessClusterTests
{
    private static async Task<TestCluster> StartAsync(int silos, Action<TestClusterBuilder>? configure = null)
    {
        var storage = new MemoryGrainStorage("cluster-" + Guid.NewGuid().ToString("N"));
        var builder = TestCluster.CreateBuilder();
        builder.InitialSilosCount = silos;
        builder.Clustered = true;
        builder.ConfigureServices(s => s.AddKeyedSingleton<IGrainStorage>(GrainStorageNames.Default, storage));
        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.StartAsync();
        return cluster;
    }

    private static IGrainFactory Factory(IServiceProvider silo) => silo.GetRequiredService<IGrainFactory>();

    private static Membership.SiloAddress Address(IServiceProvider silo) => ((SiloRuntime)Factory(silo)).Cluster!.Self;

    [Fact]
    public async Task EveryGrainHasOneActivationNoMatterWhichSiloCallsIt()
    {
        await using var cluster = await StartAsync(3);
        var keys = Enumerable.Range(0, 60).Select(_ => Clusters.Unique("one")).ToList();

        var seen = await Task.WhenAll(keys.SelectMany(k => cluster.Silos.Select(s => Factory(s).GetGrain<ILifecycleGrain>(k).GetActivationId())));

        Assert.Equal(keys.Count, seen.Distinct().Count());
        var total = cluster.Silos.Sum(s => s.GetRequiredService<IRuntimeDiagnostics>().ActivationCountsByType().GetValueOrDefault("lifecycle"));
        Assert.Equal(keys.Count, total);
        Assert.True(cluster.Silos.Count(s => s.GetRequiredService<IRuntimeDiagnostics>().ActivationCountsByType().ContainsKey("lifecycle")) > 1,
            "random placement should spread 60 grains over more than one silo");
    }

    [Fact]
    public async Task AClientReachesGrainsThroughTheGatewaysWithTypedErrorsAndReferencesAsArguments()
    {
        await using var cluster = await StartAsync(2);
        var client = await cluster.ConnectClientAsync();
        var target = client.GetGrain<IContextGrain>(Guid.NewGuid());
        var caller = client.GetGrain<IContextGrain>(Guid.NewGuid());

        Assert.Equal("hi", await client.GetGrain<ILifecycleGrain>(Clusters.Unique("c")).Echo("hi"));
        Assert.Equal(target.GetPrimaryKey().ToString(), await caller.CallThrough(new ReferenceHolder { Target = target }));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetGrain<ILifecycleGrain>(Clusters.Unique("fail-once")).Echo("x"));
        Assert.Contains("on purpose", error.Message, StringComparison.Ordinal);
        RequestContext.Set("trace", "across");
        try
        {
            Assert.Equal("across", await target.ReadContextViaOther("trace", caller));
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [Fact]
    public async Task PersistedStateFollowsAGrainWhenItsSiloDrains()
    {
        await using var cluster = await StartAsync(2);
        var client = await cluster.ConnectClientAsync();
        var keys = Enumerable.Range(0, 20).Select(_ => Clusters.Unique("drain")).ToList();
        await Task.WhenAll(keys.Select(k => client.GetGrain<IStateGrain>(k).Add(5)));

        await cluster.StopSiloAsync(cluster.Silos[1]);

        var after = await Task.WhenAll(keys.Select(k => client.GetGrain<IStateGrain>(k).Add(1)));
        Assert.All(after, s => Assert.Equal(6, s.Value));
    }

    [Fact]
    public async Task ACallCycleAcrossSilosFailsFastWithADeadlockException()
    {
        await using var cluster = await StartAsync(2, b => b.WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "00:05:00"));
        var first = Factory(cluster.Silos[0]);
        var a = first.GetGrain<IChainGrain>(Clusters.Unique("a"));
        var b = first.GetGrain<IChainGrain>(Clusters.Unique("b"));
        PlacementHint.Set(Address(cluster.Silos[1]));
        try
        {
            await b.Call([]);
        }
        finally
        {
            PlacementHint.Clear();
        }

        var error = await Assert.ThrowsAsync<DeadlockException>(() => Probe.Within(a.Call([b, a]), "the cycle to fail"));
        Assert.Equal([a.GetGrainId(), b.GetGrainId(), a.GetGrainId()], error.CallChain);
    }

    [Fact]
    public async Task ATimeoutAcrossSilosCancelsTheRemoteCallee()
    {
        await using var cluster = await StartAsync(2);
        var probe = Clusters.Unique("remote-hang");
        PlacementHint.Set(Address(cluster.Silos[1]));
        try
        {
            var grain = Factory(cluster.Silos[0]).GetGrain<ITimeoutGrain>(probe);
            await Assert.ThrowsAsync<GrainCallTimeoutException>(() => Probe.Within(grain.Hang(probe, CancellationToken.None), "the call to time out"));
        }
        finally
        {
            PlacementHint.Clear();
        }

        await Probe.Within(Probe.Signal(probe + ":cancelled").Task, "the remote callee to be cancelled");
        Assert.Equal(1, cluster.Silos[1].GetRequiredService<IRuntimeDiagnostics>().ActivationCountsByType()["timeout"]);
    }
}
