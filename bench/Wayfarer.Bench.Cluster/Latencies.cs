using System.Diagnostics;

namespace Wayfarer.Bench.Cluster;

/// <summary>Per-caller latency samples (Stopwatch ticks), merged and sorted for percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<long>[] _perCaller;

    public Latencies(int callers) => _perCaller = [.. Enumerable.Range(0, callers).Select(_ => new List<long>(1 << 16))];

    public void Add(int caller, long ticks) => _perCaller[caller].Add(ticks);

    public long Count => _perCaller.Sum(l => (long)l.Count);

    public (double P50, double P99, double P999, double Max) PercentilesMs()
    {
        var all = _perCaller.SelectMany(l => l).ToArray();
        if (all.Length == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        Array.Sort(all);
        double Ms(double q) => all[Math.Min(all.Length - 1, (int)Math.Ceiling(q * all.Length) - 1)] * 1000.0 / Stopwatch.Frequency;
        return (Ms(0.50), Ms(0.99), Ms(0.999), all[^1] * 1000.0 / Stopwatch.Frequency);
    }
}
