using System.Diagnostics;
using System.Numerics;

namespace Wayfarer.Bench;

/// <summary>A log-linear latency histogram over Stopwatch ticks (HdrHistogram-style, 7 significant bits: every
/// recorded value lands in a bucket no wider than 1/64 of its value, i.e. &lt; 1.6 % error). Preallocated; recording
/// is allocation-free and not thread-safe: give each caller its own and <see cref="Add"/> them at the end.</summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 7;
    private const int SubBucketCount = 1 << SubBucketBits; // exact below this value
    private const int HalfCount = SubBucketCount / 2;
    private const int BucketCount = (64 - SubBucketBits + 1) * HalfCount + HalfCount;

    private readonly long[] _counts = new long[BucketCount];

    public long Count { get; private set; }

    public long MaxTicks { get; private set; }

    public void Record(long ticks)
    {
        if (ticks < 0)
        {
            ticks = 0;
        }

        _counts[IndexOf(ticks)]++;
        Count++;
        if (ticks > MaxTicks)
        {
            MaxTicks = ticks;
        }
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxTicks = Math.Max(MaxTicks, other.MaxTicks);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Count = 0;
        MaxTicks = 0;
    }

    /// <summary>The value at <paramref name="percentile"/> (0..100) in microseconds: the upper edge of its bucket.</summary>
    public double PercentileMicros(double percentile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(percentile / 100.0 * Count);
        rank = Math.Clamp(rank, 1, Count);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return ToMicros(Math.Min(UpperBound(i), MaxTicks));
            }
        }

        return ToMicros(MaxTicks);
    }

    public double MeanMicros()
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                sum += _counts[i] * ((LowerBound(i) + UpperBound(i)) / 2.0);
            }
        }

        return ToMicros(sum / Count);
    }

    public double MaxMicros => ToMicros(MaxTicks);

    private static double ToMicros(double ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;

    private static int IndexOf(long value)
    {
        if (value < SubBucketCount)
        {
            return (int)value;
        }

        var msb = 63 - BitOperations.LeadingZeroCount((ulong)value);
        var exponent = msb - (SubBucketBits - 1);
        return (exponent * HalfCount) + (int)(value >> exponent);
    }

    private static long LowerBound(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var exponent = (index / HalfCount) - 1;
        var mantissa = index - (exponent * HalfCount);
        return (long)mantissa << exponent;
    }

    private static long UpperBound(int index)
    {
        if (index < SubBucketCount)
        {
            return index;
        }

        var exponent = (index / HalfCount) - 1;
        var mantissa = index - (exponent * HalfCount);
        return ((long)(mantissa + 1) << exponent) - 1;
    }
}
