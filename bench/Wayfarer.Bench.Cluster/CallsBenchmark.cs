using System.Diagnostics;
using System.Globalization;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;

namespace Wayfarer.Bench.Cluster;

/// <summary>Client-to-silo calls to active counter grains: <c>ICounterGrain.Get()</c>, a read-only method that touches
/// no storage, so the number is the cost of the client, the transport and the gateway's routing.</summary>
internal static class CallsBenchmark
{
    public sealed record Result(double CallsPerSecond, long Calls, long Errors, double P50, double P99, double P999, double Max);

    /// <summary>Callers in a closed loop (each awaits its call, then sends the next): the most calls per second.</summary>
    public static Task<Result> ClosedLoopAsync(IGrainFactory grains, IReadOnlyList<string> keys, BenchOptions options)
        => RunAsync(grains, keys, options, ratePerSecond: null);

    /// <summary>Callers paced to a fixed total rate: latency at that load.</summary>
    public static Task<Result> PacedAsync(IGrainFactory grains, IReadOnlyList<string> keys, BenchOptions options, double ratePerSecond)
        => RunAsync(grains, keys, options, ratePerSecond);

    private static async Task<Result> RunAsync(IGrainFactory grains, IReadOnlyList<string> keys, BenchOptions options, double? ratePerSecond)
    {
        var latencies = new Latencies(options.Callers);
        long calls = 0;
        long errors = 0;
        var measuring = 0;
        using var stop = new CancellationTokenSource();
        var interval = ratePerSecond is { } rate ? TimeSpan.FromSeconds(options.Callers / rate) : TimeSpan.Zero;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, options.Callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            var next = TimeSpan.FromTicks((long)(interval.Ticks * random.NextDouble()));
            while (!stop.IsCancellationRequested)
            {
                if (interval > TimeSpan.Zero)
                {
                    var wait = next - Stopwatch.GetElapsedTime(start);
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(wait, stop.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            return;
                        }
                    }

                    next += interval;
                }

                var sent = Stopwatch.GetTimestamp();
                try
                {
                    await grains.GetGrain<ICounterGrain>(keys[random.Next(keys.Count)]).Get();
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        latencies.Add(caller, Stopwatch.GetTimestamp() - sent);
                        Interlocked.Increment(ref calls);
                    }
                }
                catch (Exception exception) when (exception is WayfarerException or TimeoutException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();

        await Task.Delay(options.Warmup);
        Volatile.Write(ref measuring, 1);
        var window = Stopwatch.StartNew();
        await Task.Delay(options.Duration);
        Volatile.Write(ref measuring, 0);
        var elapsed = window.Elapsed;
        var measured = Interlocked.Read(ref calls);
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var (p50, p99, p999, max) = latencies.PercentilesMs();
        return new Result(measured / elapsed.TotalSeconds, measured, Interlocked.Read(ref errors), p50, p99, p999, max);
    }

    public static string Row(int silos, string mode, Result r)
        => string.Create(CultureInfo.InvariantCulture,
            $"| {silos} | {mode} | {r.CallsPerSecond:N0} | {r.P50:0.00} | {r.P99:0.00} | {r.P999:0.00} | {r.Max:0.0} | {r.Errors} |");
}
