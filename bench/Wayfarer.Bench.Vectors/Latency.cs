using System.Diagnostics;

namespace Wayfarer.Bench.Vectors;

/// <summary>Latency percentiles of a timed run.</summary>
internal sealed record Latency(double P50, double P95, double P99, double Mean, double Qps)
{
    /// <summary>Runs <paramref name="action"/> once per query index after a warm-up and summarises the times (ms).</summary>
    public static Latency Measure(int queries, Action<int> action)
    {
        // Warm up for at least half a second so tiered compilation has promoted the hot loop before timing.
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < 20 || warmUp.ElapsedMilliseconds < 500; i++)
        {
            action(i % queries);
        }

        var times = new double[queries];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < queries; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action(i);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(times);
        return new Latency(At(times, 0.50), At(times, 0.95), At(times, 0.99), times.Average(), queries / total.Elapsed.TotalSeconds);
    }

    /// <summary>Runs <paramref name="action"/> from <paramref name="clients"/> threads at once and returns total queries per second.</summary>
    public static double Throughput(int clients, int queriesPerClient, Action<int> action)
    {
        var total = Stopwatch.StartNew();
        Parallel.For(0, clients, new ParallelOptions { MaxDegreeOfParallelism = clients }, c =>
        {
            for (var i = 0; i < queriesPerClient; i++)
            {
                action((c * queriesPerClient) + i);
            }
        });
        return clients * queriesPerClient / total.Elapsed.TotalSeconds;
    }

    private static double At(double[] sorted, double quantile) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
