using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Wayfarer.Bench;

/// <summary>Samples which types are allocated, in-process: the runtime raises <c>GCAllocationTick</c> about every
/// 100 KB allocated, naming the type of the object that crossed the threshold, so over millions of operations the
/// sample counts are proportional to each type's share of allocated bytes. No external profiler needed.</summary>
internal sealed class AllocationProfiler : EventListener
{
    private const int GcAllocationTickEventId = 10;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);
    private volatile bool _recording;

    public void Start() => _recording = true;

    public void Stop() => _recording = false;

    /// <summary>The top types by sampled bytes, as a Markdown table, with bytes per operation scaled so the column
    /// adds up to <paramref name="bytesPerOperation"/>.</summary>
    public string Report(double bytesPerOperation, int top = 15)
    {
        var total = _bytesByType.Values.Sum();
        if (total == 0)
        {
            return "(no allocation samples)" + Environment.NewLine;
        }

        var table = new MarkdownTable("Allocated type (sampled) ", "share %", "≈ B/op");
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(kv => kv.Value).Take(top))
        {
            table.Row(type.Replace("|", "\\|", StringComparison.Ordinal), 100.0 * bytes / total, bytesPerOperation * bytes / total);
        }

        return table.ToString();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword, verbose = allocation ticks
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_recording || eventData.EventId != GcAllocationTickEventId || eventData.Payload is null || eventData.PayloadNames is null)
        {
            return;
        }

        var nameIndex = eventData.PayloadNames.IndexOf("TypeName");
        var amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount64");
        if (amountIndex < 0)
        {
            amountIndex = eventData.PayloadNames.IndexOf("AllocationAmount");
        }

        if (nameIndex < 0 || amountIndex < 0)
        {
            return;
        }

        var name = eventData.Payload[nameIndex] as string ?? "?";
        var amount = Convert.ToInt64(eventData.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
        _bytesByType.AddOrUpdate(name, amount, (_, v) => v + amount);
    }
}
