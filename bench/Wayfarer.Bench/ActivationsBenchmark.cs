using System.Diagnostics;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Bench;

/// <summary><c>activations</c>: first calls to N distinct cold grains with bounded concurrency.</summary>
internal static class ActivationsBenchmark
{
    public sealed record Result(string Scenario, int Activations, int Concurrency, ResourceDelta Resources, LatencyHistogram Latency, int Live, long HeapBytesAfter, TimeSpan ShutdownTime)
    {
        public double PerSecond => Activations / Resources.Elapsed.TotalSeconds;
    }

    public static async Task<VerbReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        var results = new List<Result>
        {
            await RunScenarioAsync("stateless (`PingGrain`)", options, static (f, k) => f.GetGrain<IPingGrain>(k).Ping(1), cancellationToken),
        };
        if (options.StatefulActivations)
        {
            results.Add(await RunScenarioAsync("1 persistent state, in-memory storage (`StatefulPingGrain`)", options, static (f, k) => f.GetGrain<IStatefulPingGrain>(k).Ping(1), cancellationToken));
        }

        return BuildReport(options, results);
    }

    private static async Task<Result> RunScenarioAsync(
        string name, BenchOptions options, Func<IGrainFactory, long, Task<int>> call, CancellationToken cancellationToken)
    {
        var cluster = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo.AddMemoryGrainStorageAsDefault())
            .Build();
        await cluster.StartAsync(cancellationToken);
        var factory = cluster.GrainFactory;
        Result result;
        try
        {
            // Warm-up on grains outside the measured key range: JIT, type caches, thread pool.
            var warmupKeys = Math.Min(20_000, Math.Max(1_000, options.Activations / 5));
            Console.WriteLine($"activations: {name}: warm-up ({warmupKeys:N0} grains), then {options.Activations:N0} cold grains, concurrency {options.Concurrency} ...");
            await ActivateAsync(factory, call, -1_000_000_000L, warmupKeys, options.Concurrency, null, cancellationToken);

            var latencies = new LatencyHistogram[options.Concurrency];
            for (var i = 0; i < latencies.Length; i++)
            {
                latencies[i] = new LatencyHistogram();
            }

            GC.Collect();
            var start = ResourceSnapshot.Take();
            await ActivateAsync(factory, call, 0, options.Activations, options.Concurrency, latencies, cancellationToken);
            var end = ResourceSnapshot.Take();
            var live = cluster.Diagnostics.ActivationCount; // warm-up + measured, all still held
            GC.Collect();
            var heap = GC.GetTotalMemory(forceFullCollection: true);

            var latency = new LatencyHistogram();
            foreach (var h in latencies)
            {
                latency.Add(h);
            }

            var stop = Stopwatch.StartNew();
            await cluster.StopAsync(cancellationToken);
            stop.Stop();
            result = new Result(name, options.Activations, options.Concurrency, end.Since(start), latency, live, heap, stop.Elapsed);
            Console.WriteLine($"  {result.PerSecond:N0} activations/s, first call p50 {latency.PercentileMicros(50):F1} µs, p99 {latency.PercentileMicros(99):F1} µs; shutdown of {live:N0} activations {stop.Elapsed.TotalMilliseconds:N0} ms");
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        return result;
    }

    /// <summary>Calls keys [first, first+count) once each with <paramref name="concurrency"/> workers pulling the next key.</summary>
    private static async Task ActivateAsync(
        IGrainFactory factory, Func<IGrainFactory, long, Task<int>> call, long first, int count, int concurrency, LatencyHistogram[]? latencies, CancellationToken cancellationToken)
    {
        var next = -1;
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var histogram = latencies?[w];
            workers[w] = Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < count && !cancellationToken.IsCancellationRequested)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call(factory, first + index);
                    histogram?.Record(Stopwatch.GetTimestamp() - started);
                }
            }, CancellationToken.None);
        }

        await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static VerbReport BuildReport(BenchOptions options, List<Result> results)
    {
        var report = new VerbReport("activations", "`activations` — cold activations");
        report.Body.AppendLine($"{options.Activations:N0} distinct never-seen grains (integer keys), each called once (`Ping(int)`) by {options.Concurrency} concurrent workers; the first call's latency includes placement, construction, state load and `OnActivateAsync`. A warm-up on other keys runs first; every scenario gets a fresh silo. \"heap KB/act.\" is the live heap after a full GC divided by every activation held (warm-up ones included); \"shutdown\" is `StopAsync` deactivating all of them.")
            .AppendLine();
        var table = new MarkdownTable("Grain ", "Activations/s", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "CPU µs/act.", "alloc B/act.", "heap KB/act.", "GCs 0/1/2", "GC pause %", "other procs' cores", "shutdown ms");
        foreach (var r in results)
        {
            table.Row(r.Scenario, r.PerSecond, r.Latency.PercentileMicros(50), r.Latency.PercentileMicros(99), r.Latency.PercentileMicros(99.9), r.Latency.MaxMicros,
                r.Resources.CpuMicrosPer(r.Activations), r.Resources.BytesPer(r.Activations), r.Live > 0 ? r.HeapBytesAfter / 1024.0 / r.Live : double.NaN,
                r.Resources.Gcs, r.Resources.GcPausePercent, r.Resources.OtherCoresBusy(), r.ShutdownTime.TotalMilliseconds);
        }

        report.Body.Append(table);
        return report;
    }
}
