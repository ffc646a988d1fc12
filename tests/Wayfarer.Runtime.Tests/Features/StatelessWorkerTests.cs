using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Features;

[Trait("Category", "Unit")]
public sealed class StatelessWorkerTests
{
    [Fact]
    public async Task AStatelessWorkerKeepsAtMostItsMaximumOfLocalActivations()
    {
        await using var cluster = await Clusters.StartAsync();
        var gate = Clusters.Unique("workers");
        var worker = cluster.GrainFactory.GetGrain<IWorkerGrain>(0);

        var calls = Enumerable.Range(0, 10).Select(_ => worker.Work(gate)).ToArray();
        await Probe.WaitUntil(() => Probe.Count(gate + ":entered") == 2, "two workers to start");
        var counts = cluster.Diagnostics.ActivationCountsByType();
        Probe.Signal(gate).SetResult();
        var ids = await Probe.Within(Task.WhenAll(calls), "every call to finish");

        Assert.Equal(2, counts["worker"]);
        Assert.Equal(2, ids.Distinct().Count());
        Assert.Equal(10, Probe.Count(gate + ":entered"));
    }
}
