using System.Diagnostics;
using System.Globalization;
using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.Testing;
using Xunit.Abstractions;

namespace Wayfarer.Cluster.ProcessTests;

/// <summary>One to four silos started, stopped and killed at random under steady writes.</summary>
/// <remarks>The seed is logged; set <c>WAYFARER_CHAOS_SEED</c> to replay a run's sequence of actions.</remarks>
[Collection(ProcessClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class ChaosTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan s_chaosDuration = TimeSpan.FromSeconds(75);
    private const int MaxSilos = 4;

    [Fact]
    public async Task SilosStartingStoppingAndDyingAtRandomFailCallsOnlyTransientlyAndLoseNoAcknowledgedWrite()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("WAYFARER_CHAOS_SEED"), CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        output.WriteLine($"chaos seed {seed} (WAYFARER_CHAOS_SEED={seed} replays it)");
        var random = new Random(seed);
        var redis = await SharedServers.GetRedisAsync();
        await using var cluster = ProcessCluster.Create(await postgres.CreateDatabaseAsync("chaos"), redis.ConnectionString, "chaos");
        await cluster.StartSilosAsync(2);
        await cluster.ConnectClientAsync();
        await using var load = new CounterLoad(cluster.Client, grainCount: 500, concurrency: 32);
        load.Start();
        await load.WaitForMoreSuccessesAsync(1000, TimeSpan.FromSeconds(120), () => cluster.Logs());

        var clock = Stopwatch.StartNew();
        var actions = new List<string>();
        while (clock.Elapsed < s_chaosDuration)
        {
            // Pacing of the chaos itself, not a wait for a condition.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1500, 5000)));
            var running = cluster.Running.Count;
            string action;
            if (running == 1 || (running < MaxSilos && random.NextDouble() < 0.4))
            {
                var silo = await cluster.StartSiloAsync();
                action = $"start {silo.Name}";
            }
            else
            {
                var silo = cluster.Running[random.Next(running)];
                if (random.NextDouble() < 0.5)
                {
                    await cluster.KillAsync(silo);
                    action = $"kill {silo.Name}";
                }
                else
                {
                    await cluster.StopAsync(silo);
                    action = $"stop {silo.Name}";
                }
            }

            actions.Add(action);
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0}s {action} -> {cluster.Running.Count} running; {load.Describe()}");
        }

        await load.WaitForMoreSuccessesAsync(1000, TimeSpan.FromSeconds(120), () => $"after: {string.Join(", ", actions)}{cluster.Logs()}");
        await load.StopAsync();
        output.WriteLine(load.Describe());
        Assert.True(load.NonTransientFailures == 0, $"only transient errors were expected (seed {seed}): {load.Describe()}{cluster.Logs()}");

        var stored = await StoredCounters.ReadAsync(cluster.Settings.PostgresConnectionString, cluster.Settings.ServiceId);
        var violations = load.Violations(stored);
        Assert.True(violations.Count == 0,
            $"{violations.Count} grains break acknowledged <= stored <= attempted (seed {seed}, actions {string.Join(", ", actions)}):\n{string.Join('\n', violations.Take(20))}");
        var read = await cluster.ReadCountersAsync(load.Keys, TimeSpan.FromSeconds(90));
        var wrong = load.Keys.Where(k => read.GetValueOrDefault(k) != stored.GetValueOrDefault(k)).Take(20).ToList();
        Assert.True(wrong.Count == 0, $"grains should answer with their stored values (seed {seed}); differing: {string.Join(", ", wrong)}");
    }
}
