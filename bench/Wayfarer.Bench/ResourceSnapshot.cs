using System.Diagnostics;

namespace Wayfarer.Bench;

/// <summary>Process-wide counters taken at the edges of a measured window: wall time, CPU time, allocated bytes, GCs.</summary>
internal readonly record struct ResourceSnapshot(long Timestamp, TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, TimeSpan MachineBusy)
{
    public static ResourceSnapshot Take()
    {
        using var process = Process.GetCurrentProcess();
        return new ResourceSnapshot(
            Stopwatch.GetTimestamp(),
            process.TotalProcessorTime,
            GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration(),
            MachineBusyTime());
    }

    public ResourceDelta Since(ResourceSnapshot start) => new(
        Stopwatch.GetElapsedTime(start.Timestamp, Timestamp),
        Cpu - start.Cpu,
        AllocatedBytes - start.AllocatedBytes,
        Gen0 - start.Gen0,
        Gen1 - start.Gen1,
        Gen2 - start.Gen2,
        GcPause - start.GcPause,
        MachineBusy - start.MachineBusy);

    /// <summary>CPU time every core of the machine spent busy so far (Linux /proc/stat; zero elsewhere).</summary>
    private static TimeSpan MachineBusyTime()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            var fields = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            foreach (var i in (int[])[1, 2, 3, 6, 7, 8])
            {
                busy += long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
            }

            return TimeSpan.FromSeconds(busy / 100.0); // USER_HZ
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return TimeSpan.Zero;
        }
    }
}

internal readonly record struct ResourceDelta(TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, int Gen0, int Gen1, int Gen2, TimeSpan GcPause, TimeSpan MachineBusy)
{
    /// <summary>Average cores busy with anything but this process (and <paramref name="alsoOurs"/>): noise from
    /// other work on the machine during the window.</summary>
    public double OtherCoresBusy(TimeSpan alsoOurs = default)
        => Elapsed > TimeSpan.Zero && MachineBusy > TimeSpan.Zero ? Math.Max(0, (MachineBusy - Cpu - alsoOurs) / Elapsed) : double.NaN;

    public double GcPausePercent => Elapsed > TimeSpan.Zero ? 100.0 * GcPause / Elapsed : 0;

    /// <summary>Average busy cores of this process over the window.</summary>
    public double CoresBusy => Elapsed > TimeSpan.Zero ? Cpu / Elapsed : 0;

    public double CpuMicrosPer(long operations) => operations > 0 ? Cpu.TotalMicroseconds / operations : double.NaN;

    public double BytesPer(long operations) => operations > 0 ? (double)AllocatedBytes / operations : double.NaN;

    public string Gcs => $"{Gen0}/{Gen1}/{Gen2}";
}
