using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Scheduling;

[Trait("Category", "Unit")]
public sealed class TimeoutTests
{
    [Fact]
    public async Task AResponseTimeoutRaisesTimeoutExceptionLeavesNoBookkeepingAndCancelsTheCallee()
    {
        await using var cluster = await Clusters.StartAsync();
        var probe = Clusters.Unique("hang");
        var grain = cluster.GrainFactory.GetGrain<ITimeoutGrain>(probe);

        var error = await Assert.ThrowsAnyAsync<TimeoutException>(() => Probe.Within(grain.Hang(probe, CancellationToken.None), "the call to time out"));

        Assert.IsType<GrainCallTimeoutException>(error);
        await Probe.Within(Probe.Signal(probe + ":cancelled").Task, "the callee to observe cancellation");
        Assert.Equal(0, cluster.Diagnostics.PendingCallCount);
        Assert.Equal("pong", await grain.Ping());
    }

    [Fact]
    public async Task TheDefaultResponseTimeoutComesFromOptions()
    {
        await using var cluster = await Clusters.StartAsync(b => b.WithConfiguration("Wayfarer:Runtime:ResponseTimeout", "00:00:00.200"));
        var probe = Clusters.Unique("default");
        var grain = cluster.GrainFactory.GetGrain<ITimeoutGrain>(probe);

        await Assert.ThrowsAsync<GrainCallTimeoutException>(() => Probe.Within(grain.HangUntilCancelled(probe, CancellationToken.None), "the call to time out"));
        await Probe.Within(Probe.Signal(probe + ":cancelled").Task, "the callee to observe cancellation");
    }

    [Fact]
    public async Task CancellingTheCallersTokenCancelsTheCallAndTheCallee()
    {
        await using var cluster = await Clusters.StartAsync();
        var probe = Clusters.Unique("cancel");
        var grain = cluster.GrainFactory.GetGrain<ITimeoutGrain>(probe);
        using var cts = new CancellationTokenSource();

        var call = grain.HangUntilCancelled(probe, cts.Token);
        await Probe.Within(Probe.Signal(probe + ":entered").Task, "the callee to start");
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Probe.Within(call, "the call to end"));
        await Probe.Within(Probe.Signal(probe + ":cancelled").Task, "the callee to observe cancellation");
        Assert.Equal(0, cluster.Diagnostics.PendingCallCount);
        Assert.Equal("pong", await grain.Ping());
    }
}
