using System.Diagnostics.Metrics;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Bench.Ledger;

/// <summary>Records the ledger writer's batch sizes and commit latencies for one path (<c>ledger</c> or <c>costs</c>).</summary>
internal sealed class Instruments : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _path;
    private readonly List<double> _flushMs = [];
    private readonly List<int> _batchSizes = [];

    public Instruments(string path)
    {
        _path = path;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LedgerTelemetry.Name && instrument.Name is "wayfarer.ledger.batch.size" or "wayfarer.ledger.flush.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            if (Matches(tags))
            {
                lock (_batchSizes)
                {
                    _batchSizes.Add(value);
                }
            }
        });
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            if (Matches(tags))
            {
                lock (_flushMs)
                {
                    _flushMs.Add(value);
                }
            }
        });
        _listener.Start();
    }

    public int Batches => _batchSizes.Count;

    public double MeanBatch => _batchSizes.Count == 0 ? 0 : _batchSizes.Average();

    public int MaxBatch => _batchSizes.Count == 0 ? 0 : _batchSizes.Max();

    public List<double> SortedFlushMs()
    {
        lock (_flushMs)
        {
            return [.. _flushMs.Order()];
        }
    }

    public void Dispose() => _listener.Dispose();

    private bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "path" && (string?)tag.Value == _path)
            {
                return true;
            }
        }

        return false;
    }
}
