using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Testing;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Scheduling;

[Trait("Category", "Unit")]
public sealed class InterleavingTests
{
    public enum Kind
    {
        Plain,
        Interleaving,
        Reading,
        SpecialYes,
        SpecialNo,
    }

    [Fact]
    public async Task NonReentrantGrainNeverRunsTwoTurnsAtOnce()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IConcurrencyGrain>(Clusters.Unique("serial"), "PlainConcurrency");

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => grain.Work(i % 5))));

        Assert.Equal(1, await grain.MaxConcurrency());
    }

    [Fact]
    public async Task ReentrantGrainInterleavesButNeverRunsInParallel()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IConcurrencyGrain>(Clusters.Unique("reentrant"), "ReentrantConcurrency");

        var (first, second) = await RunPair(cluster, grain, Kind.Plain, Kind.Plain);

        Assert.True(first && second, "both plain calls should run at once on a [Reentrant] grain");
        Assert.Equal(2, await grain.MaxConcurrency());
    }

    [Theory]
    [InlineData(Kind.Plain, Kind.Interleaving, true)]
    [InlineData(Kind.Reading, Kind.Reading, true)]
    [InlineData(Kind.Plain, Kind.SpecialYes, true)]
    [InlineData(Kind.Plain, Kind.Plain, false)]
    [InlineData(Kind.Reading, Kind.Plain, false)]
    [InlineData(Kind.Plain, Kind.Reading, false)]
    [InlineData(Kind.Plain, Kind.SpecialNo, false)]
    public async Task OnlyTheInterleavingAttributesLetASecondRequestStartWhileOneRuns(Kind running, Kind arriving, bool interleaves)
    {
        await using var cluster = await Clusters.StartAsync();
        var prefix = running is Kind.SpecialYes or Kind.SpecialNo || arriving is Kind.SpecialYes or Kind.SpecialNo ? "MayInterleaveConcurrency" : "PlainConcurrency";
        var grain = cluster.GrainFactory.GetGrain<IConcurrencyGrain>(Clusters.Unique("mix"), prefix);

        var (_, secondStartedWhileFirstRan) = await RunPair(cluster, grain, running, arriving);

        Assert.Equal(interleaves, secondStartedWhileFirstRan);
        Assert.Equal(interleaves ? 2 : 1, await grain.MaxConcurrency());
    }

    /// <summary>Starts a first call that blocks, delivers a second call, and reports whether the second entered while the
    /// first still ran. The second call is known to be delivered (queued or running) before the first is released.</summary>
    private static async Task<(bool First, bool Second)> RunPair(TestCluster cluster, IConcurrencyGrain grain, Kind running, Kind arriving)
    {
        var gate1 = Clusters.Unique("gate1");
        var gate2 = Clusters.Unique("gate2");
        var first = Call(grain, running, gate1);
        await Probe.Within(Probe.Signal(gate1 + ":entered").Task, "the first call to start");

        var second = Call(grain, arriving, gate2);
        var runtime = (SiloRuntime)cluster.GrainFactory;
        Assert.True(runtime.Catalog.TryGet(grain.GetGrainId(), out var activation));
        await Probe.WaitUntil(() => activation.Load == 2, "the second call to reach the activation");

        var secondEntered = activation.RunningCount == 2;
        if (secondEntered)
        {
            await Probe.Within(Probe.Signal(gate2 + ":entered").Task, "the interleaved call to enter");
        }

        Probe.Signal(gate1).SetResult();
        await Probe.Within(first, "the first call to finish");
        Probe.Signal(gate2).SetResult();
        await Probe.Within(second, "the second call to finish");
        return (true, secondEntered);
    }

    private static Task Call(IConcurrencyGrain grain, Kind kind, string gate) => kind switch
    {
        Kind.Plain => grain.Plain(gate),
        Kind.Interleaving => grain.Interleaving(gate),
        Kind.Reading => grain.Reading(gate),
        Kind.SpecialYes => grain.Special(gate, interleave: true),
        _ => grain.Special(gate, interleave: false),
    };
}
