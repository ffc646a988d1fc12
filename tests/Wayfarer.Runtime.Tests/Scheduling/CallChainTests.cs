using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Scheduling;

[Trait("Category", "Unit")]
public sealed class CallChainTests
{
    [Fact]
    public async Task ACallCycleOnNonReentrantGrainsFailsFastWithADeadlockExceptionNamingTheChain()
    {
        // A long timeout: only deadlock detection, not the timeout, can end this call quickly.
        await using var cluster = await Clusters.StartAsync(b => b.WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "00:05:00"));
        var a = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("a"));
        var b = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("b"));

        var error = await Assert.ThrowsAsync<DeadlockException>(() => Probe.Within(a.Call([b, a]), "the cycle to fail"));

        Assert.Equal([a.GetGrainId(), b.GetGrainId(), a.GetGrainId()], error.CallChain);
        Assert.Contains(a.GetGrainId().ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(0, cluster.Diagnostics.PendingCallCount);
    }

    [Fact]
    public async Task ACallToItselfFailsFastWithoutCallChainReentrancy()
    {
        await using var cluster = await Clusters.StartAsync(b => b.WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "00:05:00"));
        var a = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("self"));

        await Assert.ThrowsAsync<DeadlockException>(() => Probe.Within(a.CallSelf(), "the self call to fail"));
    }

    [Fact]
    public async Task WithCallChainReentrancyEnabledCyclesComplete()
    {
        await using var cluster = await Clusters.StartAsync(b => b.WithConfiguration("Wayfarer:Runtime:AllowCallChainReentrancy", "true"));
        var a = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("a"));
        var b = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("b"));
        var c = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("c"));
        string Key(IChainGrain g) => g.GetPrimaryKeyString();

        Assert.Equal($"self:{Key(a)}", await Probe.Within(a.CallSelf(), "A->A"));
        Assert.Equal($"{Key(a)}>{Key(b)}>{Key(a)}", await Probe.Within(a.Call([b, a]), "A->B->A"));
        Assert.Equal($"{Key(a)}>{Key(b)}>{Key(c)}>{Key(a)}", await Probe.Within(a.Call([b, c, a]), "A->B->C->A"));
    }

    [Fact]
    public async Task ARequestContextScopeEnablesCallChainReentrancyForItsCallsOnly()
    {
        await using var cluster = await Clusters.StartAsync(b => b.WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "00:05:00"));
        var a = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("a"));
        var b = cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("b"));

        using (RequestContext.AllowCallChainReentrancy())
        {
            Assert.EndsWith(a.GetPrimaryKeyString(), await Probe.Within(a.Call([b, a]), "A->B->A inside the scope"), StringComparison.Ordinal);
        }

        await Assert.ThrowsAsync<DeadlockException>(() => Probe.Within(a.Call([b, a]), "A->B->A outside the scope to fail"));
    }

    [Fact]
    public async Task NonCyclicChainsThroughBusyGrainsAreNotMistakenForDeadlocks()
    {
        await using var cluster = await Clusters.StartAsync();
        var hubs = Enumerable.Range(0, 4).Select(_ => cluster.GrainFactory.GetGrain<IChainGrain>(Clusters.Unique("hub"))).ToArray();

        // Many chains share grains concurrently (each one waits its turn), but none loops back on itself.
        var calls = Enumerable.Range(0, 40).Select(i => hubs[i % 2].Call([hubs[2 + (i % 2)]]));
        var results = await Probe.Within(Task.WhenAll(calls), "all chains to complete");

        Assert.Equal(40, results.Length);
    }
}
