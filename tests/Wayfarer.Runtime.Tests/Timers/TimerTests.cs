using Wayfarer.Runtime.Testing;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Timers;

[Trait("Category", "Unit")]
public sealed class TimerTests
{
    [Fact]
    public async Task TimerTicksDoNotInterleaveWithCallsByDefault()
    {
        await using var cluster = await Clusters.StartAsync();
        var probe = Clusters.Unique("timer");
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(probe);
        await grain.StartTimer(probe, TimeSpan.FromMilliseconds(1), keepAlive: false, interleave: false);

        while (Probe.Count(probe + ":ticks") < 50)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Work(probe)));
        }

        Assert.Equal(0, Probe.Count(probe + ":overlaps"));
    }

    [Fact]
    public async Task TimersStopWhenTheActivationDeactivates()
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await Clusters.StartAsync(b => b.WithTimeProvider(clock));
        var probe = Clusters.Unique("stop");
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(probe);
        await grain.StartTimer(probe, TimeSpan.FromSeconds(10), keepAlive: false, interleave: false);

        clock.Advance(TimeSpan.FromSeconds(10));
        await Probe.WaitUntil(() => Probe.Count(probe + ":ticks") == 1, "the first tick");

        await grain.Deactivate();
        await Probe.WaitUntil(() => cluster.Diagnostics.ActivationCount == 0, "the grain to deactivate");
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, Probe.Count(probe + ":ticks"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task ATimerKeepsTheGrainAliveOnlyWhenAskedTo(bool keepAlive, bool collected)
    {
        var clock = new ManualTimeProvider();
        await using var cluster = await Clusters.StartAsync(b => b.WithTimeProvider(clock));
        var probe = Clusters.Unique("alive");
        var grain = cluster.GrainFactory.GetGrain<ITimerGrain>(probe);
        var id = await grain.GetActivationId();
        await grain.StartTimer(probe, TimeSpan.FromMinutes(1), keepAlive, interleave: false);

        for (var minute = 1; minute <= 16; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var expected = minute;
            await Probe.WaitUntil(() => (Probe.Count(probe + ":ticks") >= expected && IsIdle(cluster, grain)) || cluster.Diagnostics.ActivationCount == 0, $"tick {minute} to finish");
        }

        await Probe.WaitUntil(() => collected == (cluster.Diagnostics.ActivationCount == 0), collected ? "the idle grain to be collected" : "the grain to stay");
        Assert.Equal(!collected, id == await grain.GetActivationId());
    }

    private static bool IsIdle(TestCluster cluster, ITimerGrain grain)
        => !((Wayfarer.Runtime.Activation.SiloRuntime)cluster.GrainFactory).Catalog.TryGet(grain.GetGrainId(), out var activation) || activation.Load == 0;
}
