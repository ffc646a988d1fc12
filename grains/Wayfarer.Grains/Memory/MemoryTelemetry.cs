using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wayfarer.Grains.Memory;

/// <summary>The memory feature's meter and activity source, both named <c>Wayfarer.Grains.Memory</c>.</summary>
public sealed class MemoryTelemetry : IDisposable
{
    /// <summary>The meter and activity source name.</summary>
    public const string Name = "Wayfarer.Grains.Memory";

    private readonly Meter _meter;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/> when given (the host's), else a
    /// standalone meter.</summary>
    public MemoryTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Searches = _meter.CreateCounter<long>("wayfarer.memory.searches", description: "Searches, recommendations and similar-plan lookups answered.");
        SearchDuration = _meter.CreateHistogram<double>("wayfarer.memory.search.duration", unit: "ms", description: "Time to answer a search, fan-out included.");
        ItemsStored = _meter.CreateCounter<long>("wayfarer.memory.items.stored", description: "Items embedded and stored by user memory grains.");
    }

    /// <summary>Traces searches.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Searches answered, tagged by kind.</summary>
    public Counter<long> Searches { get; }

    /// <summary>Search latency in milliseconds, tagged by kind.</summary>
    public Histogram<double> SearchDuration { get; }

    /// <summary>Items stored.</summary>
    public Counter<long> ItemsStored { get; }

    /// <summary>Records one answered search.</summary>
    public void RecordSearch(string kind, long startTimestamp)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        Searches.Add(1, tag);
        SearchDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tag);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
