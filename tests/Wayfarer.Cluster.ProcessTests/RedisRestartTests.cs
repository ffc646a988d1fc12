using System.Diagnostics;
using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.Testing;
using Xunit.Abstractions;

namespace Wayfarer.Cluster.ProcessTests;

/// <summary>Redis restarted with no data (membership table and grain directory gone) under steady writes.</summary>
[Collection(ProcessClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisRestartTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan s_recoveryLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_quietWindow = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AfterRedisRestartsEmptyTheSilosReRegisterAndCallsSucceedAgainWithoutAnErrorLoop()
    {
        await using var redis = await RedisServer.StartLocalAsync();
        await using var cluster = ProcessCluster.Create(await postgres.CreateDatabaseAsync("redis_restart"), redis.ConnectionString, "redisrestart");
        await cluster.StartSilosAsync(2);
        await cluster.ConnectClientAsync();
        await using var load = new CounterLoad(cluster.Client, grainCount: 200, concurrency: 16);
        load.Start();
        await load.WaitForMoreSuccessesAsync(2000, TimeSpan.FromSeconds(120), () => cluster.Logs());

        await redis.RestartEmptyAsync();
        var restartedAt = load.Elapsed;
        output.WriteLine($"Redis restarted empty at {restartedAt.TotalSeconds:0.0}s; {load.Describe()}");

        await load.WaitForMoreSuccessesAsync(500, s_recoveryLimit, () => cluster.Logs());
        output.WriteLine($"500 writes acknowledged again {(load.Elapsed - restartedAt).TotalSeconds:0.0}s after the restart");

        var clock = Stopwatch.StartNew();
        var members = await cluster.ActiveMembersAsync();
        while (members.Count < 2 || load.LastFailureAt is { } last && load.Elapsed - last < s_quietWindow)
        {
            Assert.True(clock.Elapsed < s_recoveryLimit,
                $"within {s_recoveryLimit.TotalSeconds:0}s both silos should be Active in the new table ({members.Count} were) and calls should stop failing " +
                $"for {s_quietWindow.TotalSeconds:0}s (last failure {(load.Elapsed - load.LastFailureAt)?.TotalSeconds:0.0}s ago): {load.Describe()}{cluster.Logs()}");
            await Task.Delay(200);
            members = await cluster.ActiveMembersAsync();
        }

        output.WriteLine($"both silos active and no failure for {s_quietWindow.TotalSeconds:0}s at {(load.Elapsed - restartedAt).TotalSeconds:0.0}s after the restart");
        await load.StopAsync();
        output.WriteLine(load.Describe());
        Assert.All(cluster.Running, s => Assert.False(s.HasExited, $"{s} should keep running{cluster.Logs()}"));
        Assert.True(load.NonTransientFailures == 0, $"only retriable errors were expected: {load.Describe()}{cluster.Logs()}");
        var stored = await StoredCounters.ReadAsync(cluster.Settings.PostgresConnectionString, cluster.Settings.ServiceId);
        var violations = load.Violations(stored);
        Assert.True(violations.Count == 0, $"{violations.Count} grains break acknowledged <= stored <= attempted:\n{string.Join('\n', violations.Take(20))}");
    }
}
