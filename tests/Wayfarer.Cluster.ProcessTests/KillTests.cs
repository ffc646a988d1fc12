using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.Testing;
using Xunit.Abstractions;

namespace Wayfarer.Cluster.ProcessTests;

/// <summary>kill -9 of one silo of three under steady writes.</summary>
[Collection(ProcessClusterCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class KillTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private static readonly TimeSpan s_responseTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task KilledSilosCallsFailFastItsGrainsComeBackAndEveryAcknowledgedWriteIsStored()
    {
        var redis = await SharedServers.GetRedisAsync();
        await using var cluster = ProcessCluster.Create(await postgres.CreateDatabaseAsync("kill"), redis.ConnectionString, "kill");
        await cluster.StartSilosAsync(3);
        await cluster.ConnectClientAsync();
        await using var load = new CounterLoad(cluster.Client, grainCount: 1000, concurrency: 32);
        load.Start();
        await load.WaitForMoreSuccessesAsync(3000, TimeSpan.FromSeconds(120), () => cluster.Logs());

        var victim = cluster.Running[1];
        var victimActivations = await victim.CounterActivationsAsync();
        Assert.True(victimActivations > 0, $"the silo to kill should host some of the 1,000 counters, status says {victimActivations}{cluster.Logs()}");
        await cluster.KillAsync(victim);
        output.WriteLine($"killed {victim} hosting {victimActivations} activations after {load.Successes} writes");

        await load.WaitForMoreSuccessesAsync(5000, TimeSpan.FromSeconds(120), () => cluster.Logs());
        await load.StopAsync();
        output.WriteLine(load.Describe());

        Assert.True(load.NonTransientFailures == 0, $"only transient errors were expected: {load.Describe()}{cluster.Logs()}");
        Assert.True(load.MaxFailedCallLatency < s_responseTimeout,
            $"calls to the killed silo should fail fast, not wait for the {s_responseTimeout.TotalSeconds:0}s timeout: {load.Describe()}");

        var stored = await StoredCounters.ReadAsync(cluster.Settings.PostgresConnectionString, cluster.Settings.ServiceId);
        var violations = load.Violations(stored);
        Assert.True(violations.Count == 0, $"{violations.Count} grains break acknowledged <= stored <= attempted:\n{string.Join('\n', violations.Take(20))}");
        output.WriteLine($"{stored.Values.Sum()} increments stored over {stored.Count} grains");

        var read = await cluster.ReadCountersAsync(load.Keys, TimeSpan.FromSeconds(60));
        var wrong = load.Keys.Where(k => read.GetValueOrDefault(k) != stored.GetValueOrDefault(k)).Take(20).ToList();
        Assert.True(wrong.Count == 0,
            $"every grain, including the killed silo's, should answer with its stored value; differing: {string.Join(", ", wrong.Select(k => $"{k} read {read.GetValueOrDefault(k)} stored {stored.GetValueOrDefault(k)}"))}");
        var survivors = await Task.WhenAll(cluster.Running.Select(s => s.CounterActivationsAsync()));
        Assert.True(survivors.Sum() == 1000, $"the survivors should host exactly one activation of each of the 1,000 counters, they host {string.Join(" + ", survivors)}");
    }
}
