using System.Diagnostics;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Bench;

/// <summary><c>calls</c>: closed-loop callers awaiting <see cref="IPingGrain.Ping"/> on already-active grains.</summary>
internal static class CallsBenchmark
{
    public const double TargetCallsPerSecond = 300_000;
    public const double TargetP99Micros = 1_000;

    public sealed record Result(string Scenario, int Callers, int Grains, long Calls, ResourceDelta Resources, LatencyHistogram Latency)
    {
        public string? AllocationProfile { get; init; }

        public double CallsPerSecond => Calls / Resources.Elapsed.TotalSeconds;
    }

    public static async Task<VerbReport> RunAsync(BenchOptions options, CancellationToken cancellationToken)
    {
        await using var cluster = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo.AddMemoryGrainStorageAsDefault())
            .Build();
        await cluster.StartAsync(cancellationToken);
        var factory = cluster.GrainFactory;

        var scenarios = new List<(string Name, int Callers, int Grains)>();
        foreach (var callers in options.Callers)
        {
            scenarios.Add(($"{callers} caller{(callers == 1 ? "" : "s")} → 1 grain", callers, 1));
        }

        if (options.Spread > 0)
        {
            scenarios.Add(($"{options.Spread} callers → {options.Spread} grains", options.Spread, options.Spread));
        }

        var results = new List<Result>();
        var keyBase = 0L;
        foreach (var (name, callers, grains) in scenarios)
        {
            Console.WriteLine($"calls: {name}: warm-up {options.Warmup.TotalSeconds:F0} s, measure {options.Duration.TotalSeconds:F0} s ...");
            using var profiler = options.AllocationProfile ? new AllocationProfiler() : null;
            var result = await RunScenarioAsync(factory, name, callers, grains, keyBase, options.Warmup, options.Duration, profiler, cancellationToken);
            keyBase += grains;
            results.Add(result);
            Console.WriteLine($"  {result.CallsPerSecond:N0} calls/s, p50 {result.Latency.PercentileMicros(50):F1} µs, p99 {result.Latency.PercentileMicros(99):F1} µs, p99.9 {result.Latency.PercentileMicros(99.9):F1} µs");
        }

        return BuildReport(options, results);
    }

    private static async Task<Result> RunScenarioAsync(
        IGrainFactory factory, string name, int callers, int grainCount, long keyBase, TimeSpan warmup, TimeSpan duration, AllocationProfiler? profiler, CancellationToken cancellationToken)
    {
        var grains = new IPingGrain[grainCount];
        for (var i = 0; i < grainCount; i++)
        {
            grains[i] = factory.GetGrain<IPingGrain>(keyBase + i);
            await grains[i].Ping(0); // activate before measuring
        }

        var control = new Phase();
        var workers = new Caller[callers];
        var tasks = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            workers[i] = new Caller(grains[i % grainCount], control);
            var worker = workers[i];
            tasks[i] = Task.Run(worker.RunAsync, CancellationToken.None);
        }

        try
        {
            await Task.Delay(warmup, cancellationToken);
            profiler?.Start();
            var start = ResourceSnapshot.Take();
            control.Value = Phase.Measuring;
            await Task.Delay(duration, cancellationToken);
            control.Value = Phase.Stopped;
            var end = ResourceSnapshot.Take();
            profiler?.Stop();
            await Task.WhenAll(tasks);

            var latency = new LatencyHistogram();
            long calls = 0;
            foreach (var worker in workers)
            {
                latency.Add(worker.Latency);
                calls += worker.Calls;
            }

            var resources = end.Since(start);
            return new Result(name, callers, grainCount, calls, resources, latency)
            {
                AllocationProfile = profiler?.Report(resources.BytesPer(calls)),
            };
        }
        finally
        {
            control.Value = Phase.Stopped;
        }
    }

    private static VerbReport BuildReport(BenchOptions options, List<Result> results)
    {
        var report = new VerbReport("calls", "`calls` — in-process grain calls to active grains");
        report.Body.AppendLine($"Closed loop: each caller awaits `IPingGrain.Ping(int)` (returns `Task<int>`) back to back; warm-up {options.Warmup.TotalSeconds:F0} s, then {options.Duration.TotalSeconds:F0} s measured. TestCluster silo, in-memory storage, default runtime options (30 s response timeout, no filters, no listeners). Latency is per call as the caller sees it. \"cores busy\" is this process's CPU time ÷ wall time; \"other procs' cores\" is what the rest of the machine used meanwhile (noise).")
            .AppendLine();
        var table = new MarkdownTable("Scenario ", "Calls/s", "p50 µs", "p99 µs", "p99.9 µs", "max µs", "CPU µs/call", "cores busy", "other procs' cores", "alloc B/call", "GCs 0/1/2", "GC pause %");
        foreach (var r in results)
        {
            table.Row(r.Scenario, r.CallsPerSecond, r.Latency.PercentileMicros(50), r.Latency.PercentileMicros(99), r.Latency.PercentileMicros(99.9),
                r.Latency.MaxMicros, r.Resources.CpuMicrosPer(r.Calls), r.Resources.CoresBusy, r.Resources.OtherCoresBusy(), r.Resources.BytesPer(r.Calls), r.Resources.Gcs, r.Resources.GcPausePercent);
        }

        report.Body.Append(table);
        foreach (var r in results.Where(r => r.AllocationProfile is not null))
        {
            report.Body.AppendLine().AppendLine($"Allocation profile, {r.Scenario} (sampled GCAllocationTick; the profiler's own overhead is included in the row above):").AppendLine().Append(r.AllocationProfile);
        }

        foreach (var r in results.Where(r => r.Callers >= 64))
        {
            var p99 = r.Latency.PercentileMicros(99);
            var met = r.CallsPerSecond >= TargetCallsPerSecond && p99 < TargetP99Micros;
            report.Targets.Add(($"≥ 300,000 calls/s with p99 < 1 ms ({r.Scenario})", met, $"{r.CallsPerSecond:N0} calls/s, p99 {p99:F0} µs"));
        }

        return report;
    }

    private sealed class Phase
    {
        public const int WarmingUp = 0;
        public const int Measuring = 1;
        public const int Stopped = 2;

        private volatile int _value = WarmingUp;

        public int Value
        {
            get => _value;
            set => _value = value;
        }
    }

    /// <summary>One closed-loop caller. Its histogram and counter are its own: nothing is shared or allocated per call.</summary>
    private sealed class Caller(IPingGrain grain, Phase phase)
    {
        public LatencyHistogram Latency { get; } = new();

        public long Calls { get; private set; }

        public async Task RunAsync()
        {
            var value = 0;
            while (true)
            {
                var current = phase.Value;
                if (current == Phase.Stopped)
                {
                    return;
                }

                var started = Stopwatch.GetTimestamp();
                var result = await grain.Ping(value);
                var elapsed = Stopwatch.GetTimestamp() - started;
                if (result != value + 1)
                {
                    throw new InvalidOperationException($"Ping({value}) returned {result}");
                }

                value = result & 0xFFFF;
                if (current == Phase.Measuring)
                {
                    Latency.Record(elapsed);
                    Calls++;
                }
            }
        }
    }
}
