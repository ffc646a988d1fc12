using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Timers;

[Trait("Category", "Unit")]
public sealed class ReminderTests
{
    private static Task<Testing.TestCluster> StartAsync()
        => Clusters.StartAsync((Testing.TestClusterBuilder b) => b.ConfigureSilo(s => s.ConfigureReminders(o => o.MinimumReminderPeriod = TimeSpan.Zero)));

    [Fact]
    public async Task AReminderFiresAtLeastTheExpectedNumberOfTimes()
    {
        await using var cluster = await StartAsync();
        var key = Clusters.Unique("rem");
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>(key);

        await grain.Register("tick", TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

        await Probe.Within(Probe.Signal($"{key}:tick:5").Task, "five reminder ticks");
        Assert.True(Probe.Count($"{key}:tick") >= 5);
    }

    [Fact]
    public async Task AStaleReminderHandleCannotUnregisterTheReminder()
    {
        await using var cluster = await StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>(Clusters.Unique("stale"));
        var first = await grain.Register("r", TimeSpan.FromHours(1), TimeSpan.FromHours(1));
        var second = await grain.Register("r", TimeSpan.FromHours(2), TimeSpan.FromHours(1));

        Assert.NotEqual(first, second);
        await Assert.ThrowsAsync<ReminderException>(() => grain.Unregister("r", first));
        Assert.Equal(second, await grain.GetETag("r"));

        await grain.Unregister("r", second);
        Assert.Null(await grain.GetETag("r"));
    }

    [Fact]
    public async Task ReminderRulesAreEnforcedWithClearErrors()
    {
        await using var cluster = await Clusters.StartAsync();
        var grain = cluster.GrainFactory.GetGrain<IReminderGrain>(Clusters.Unique("rules"));

        var tooShort = await Assert.ThrowsAsync<ReminderException>(() => grain.Register("r", TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        Assert.Contains("MinimumReminderPeriod", tooShort.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ReminderException>(() => cluster.GrainFactory.GetGrain<INotRemindableGrain>("x").Register());
    }
}
