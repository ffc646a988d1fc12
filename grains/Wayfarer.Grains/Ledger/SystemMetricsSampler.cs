using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Diagnostics;

namespace Wayfarer.Grains.Ledger;

/// <summary>Writes this silo's load to <c>system_metrics</c> every <see cref="LedgerOptions.MetricsInterval"/>:
/// activations (in total and per grain type), pending calls, GC heap, thread-pool queue and process CPU.</summary>
public sealed class SystemMetricsSampler(
    IRuntimeDiagnostics diagnostics,
    ILedgerWriter writer,
    IOptions<LedgerOptions> options,
    TimeProvider timeProvider,
    ILogger<SystemMetricsSampler> logger) : BackgroundService
{
    private readonly string _siloId = string.IsNullOrWhiteSpace(options.Value.SiloName)
        ? $"{Environment.MachineName}/{Environment.ProcessId}"
        : options.Value.SiloName;

    private TimeSpan _lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _lastSample = Stopwatch.GetTimestamp();

    /// <summary>The silo name the rows carry.</summary>
    public string SiloId => _siloId;

    /// <summary>Queues one sample now; returns how many rows it queued.</summary>
    public async Task<int> SampleAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var rows = new List<SystemMetricRecord>
        {
            Row("activations", diagnostics.ActivationCount, null, now),
            Row("pending_calls", diagnostics.PendingCallCount, null, now),
            Row("gc_heap_bytes", GC.GetTotalMemory(forceFullCollection: false), null, now),
            Row("threadpool_queue", ThreadPool.PendingWorkItemCount, null, now),
            Row("threadpool_threads", ThreadPool.ThreadCount, null, now),
            Row("cpu_percent", CpuPercent(), null, now),
        };
        foreach (var (type, count) in diagnostics.ActivationCountsByType())
        {
            rows.Add(Row("activations_by_type", count, JsonSerializer.Serialize(new Dictionary<string, string> { ["type"] = type }), now));
        }

        foreach (var row in rows)
        {
            await writer.WriteAsync(row, cancellationToken);
        }

        return rows.Count;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.MetricsInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LedgerLog.MetricsSampleFailed(logger, exception);
            }
        }
    }

    /// <summary>Process CPU since the previous sample, as a percentage of all cores.</summary>
    private double CpuPercent()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var now = Stopwatch.GetTimestamp();
        var wall = Stopwatch.GetElapsedTime(_lastSample, now);
        var used = cpu - _lastCpu;
        _lastCpu = cpu;
        _lastSample = now;
        return wall <= TimeSpan.Zero ? 0 : Math.Round(100 * used / wall / Environment.ProcessorCount, 2);
    }

    private SystemMetricRecord Row(string name, double value, string? labels, DateTimeOffset at) => new(_siloId, name, value, labels, at);
}
