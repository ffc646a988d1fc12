using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.Testing;
using Xunit.Abstractions;

namespace Wayfarer.Cluster.ProcessTests;

/// <summary>Every silo restarted in turn (SIGTERM, exit, new process, ready) under steady writes.</summary>
[Collection(ProcessClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RollingRestartTests(PostgresFixture postgres, ITestOutputHelper output)
{
    [Fact]
    public async Task ARollingRestartUnderLoadLosesNoAcknowledgedWriteAndFailsCallsOnlyWithRetriableErrors()
    {
        var redis = await SharedServers.GetRedisAsync();
        await using var cluster = ProcessCluster.Create(await postgres.CreateDatabaseAsync("rolling"), redis.ConnectionString, "rolling");
        await cluster.StartSilosAsync(3);
        await cluster.ConnectClientAsync();
        await using var load = new CounterLoad(cluster.Client, grainCount: 500, concurrency: 32);
        load.Start();
        await load.WaitForMoreSuccessesAsync(2000, TimeSpan.FromSeconds(120), () => cluster.Logs());

        foreach (var old in cluster.Running.ToList())
        {
            await cluster.StopAsync(old);
            output.WriteLine($"stopped {old} at {load.Elapsed.TotalSeconds:0.0}s; {load.Describe()}");
            var replacement = await cluster.StartSiloAsync();
            output.WriteLine($"started {replacement} at {load.Elapsed.TotalSeconds:0.0}s");
            await load.WaitForMoreSuccessesAsync(1000, TimeSpan.FromSeconds(120), () => cluster.Logs());
        }

        await load.StopAsync();
        output.WriteLine(load.Describe());
        Assert.True(load.NonTransientFailures == 0, $"only retriable errors were expected: {load.Describe()}{cluster.Logs()}");

        var stored = await StoredCounters.ReadAsync(cluster.Settings.PostgresConnectionString, cluster.Settings.ServiceId);
        var violations = load.Violations(stored);
        Assert.True(violations.Count == 0, $"{violations.Count} grains break acknowledged <= stored <= attempted:\n{string.Join('\n', violations.Take(20))}");
        var read = await cluster.ReadCountersAsync(load.Keys, TimeSpan.FromSeconds(60));
        var wrong = load.Keys.Where(k => read.GetValueOrDefault(k) != stored.GetValueOrDefault(k)).Take(20).ToList();
        Assert.True(wrong.Count == 0, $"grains should answer with their stored values; differing: {string.Join(", ", wrong)}");
        var members = await cluster.ActiveMembersAsync();
        Assert.True(members.Count == 3, $"three active silos were expected in the membership table, saw {string.Join(", ", members)}");
    }
}
