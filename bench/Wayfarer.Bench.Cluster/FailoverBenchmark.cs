using System.Diagnostics;
using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;

namespace Wayfarer.Bench.Cluster;

/// <summary>Time from <c>kill -9</c> of the silo hosting a set of grains to each grain's first successful call on a survivor.</summary>
/// <remarks>The victim starts alone and activates every grain, so every one of them has to move; then the survivors
/// start and the client connects to all of them before the kill. Each grain is called in a loop (Get, with a 20 ms pause
/// after a failure) until it answers.</remarks>
internal static class FailoverBenchmark
{
    public sealed record Result(int Silos, double FirstMs, double MedianMs, double AllMs, long FailedCalls, double MaxFailedCallMs);

    public static async Task<Result> RunAsync(string postgres, string redis, int silos, int grainCount, string logDirectory)
    {
        var settings = new SiloSettings(postgres, redis, $"bench-failover-{Guid.NewGuid():N}"[..36], logDirectory);
        var processes = new List<SiloProcess>();
        ClientHost? client = null;
        try
        {
            var victim = await SiloProcess.StartAsync(settings, "victim");
            processes.Add(victim);
            client = await ClientHost.StartAsync(settings);
            var keys = Enumerable.Range(0, grainCount).Select(i => $"failover-{i}").ToArray();
            await Task.WhenAll(keys.Select(k => client.Client.GetGrain<ICounterGrain>(k).Get()));
            processes.AddRange(await Task.WhenAll(Enumerable.Range(1, silos - 1).Select(i => SiloProcess.StartAsync(settings, $"survivor-{i}"))));
            var connected = Stopwatch.StartNew();
            while (client.Client.ConnectedGateways.Count < silos)
            {
                if (connected.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"the client connected to {client.Client.ConnectedGateways.Count} of {silos} gateways");
                }

                await Task.Delay(50);
            }

            long failed = 0;
            long maxFailedTicks = 0;
            var kill = Stopwatch.StartNew();
            await victim.KillAsync();
            var firstSuccess = await Task.WhenAll(keys.Select(async key =>
            {
                while (true)
                {
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        await client.Client.GetGrain<ICounterGrain>(key).Get();
                        return kill.Elapsed.TotalMilliseconds;
                    }
                    catch (Exception exception) when (exception is WayfarerException or TimeoutException)
                    {
                        Interlocked.Increment(ref failed);
                        var took = Stopwatch.GetTimestamp() - sent;
                        long seen;
                        while (took > (seen = Interlocked.Read(ref maxFailedTicks)) && Interlocked.CompareExchange(ref maxFailedTicks, took, seen) != seen)
                        {
                        }

                        await Task.Delay(20);
                    }
                }
            }));
            Array.Sort(firstSuccess);
            return new Result(silos, firstSuccess[0], firstSuccess[firstSuccess.Length / 2], firstSuccess[^1], failed,
                maxFailedTicks * 1000.0 / Stopwatch.Frequency);
        }
        finally
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            await Task.WhenAll(processes.Select(p => p.DisposeAsync().AsTask()));
        }
    }
}
