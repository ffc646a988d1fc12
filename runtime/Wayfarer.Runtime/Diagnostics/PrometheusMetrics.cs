using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Wayfarer.Runtime.Diagnostics;

/// <summary>Collects the measurements of every meter whose name starts with a prefix and renders them in the Prometheus
/// text exposition format (version 0.0.4), for a <c>/metrics</c> endpoint.</summary>
/// <remarks>Counters and up-down counters are summed per tag set, histograms keep cumulative buckets (the instrument's
/// advised boundaries, or a default latency scale), observable instruments are read at scrape time. Thread-safe.</remarks>
public sealed class PrometheusMetrics : IDisposable
{
    private static readonly double[] s_defaultBuckets = [0.0005, 0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, Series> _series = new();

    /// <summary>Starts listening to meters whose name starts with <paramref name="meterPrefix"/>.</summary>
    public PrometheusMetrics(string meterPrefix = "Wayfarer")
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith(meterPrefix, StringComparison.Ordinal))
            {
                _series[instrument] = new Series(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.MeasurementsCompleted = (i, _) => _series.TryRemove(i, out Series? _);
        _listener.Start();
    }

    /// <summary>Renders every series.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var group in _series.Values.GroupBy(s => s.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = group.First();
            text.Append("# HELP ").Append(first.Name).Append(' ').Append(Escape(first.Instrument.Description ?? first.Name)).Append('\n');
            text.Append("# TYPE ").Append(first.Name).Append(' ').Append(first.Type).Append('\n');
            foreach (var series in group)
            {
                series.Render(text);
            }
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (_series.TryGetValue(instrument, out var series))
        {
            series.Record(value, tags);
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string Sanitize(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        return new string(chars);
    }

    private sealed class Series
    {
        private readonly ConcurrentDictionary<string, Point> _points = new(StringComparer.Ordinal);
        private readonly double[] _buckets;

        public Series(Instrument instrument)
        {
            Instrument = instrument;
            var type = instrument.GetType().Name;
            IsHistogram = type.StartsWith("Histogram", StringComparison.Ordinal);
            IsGauge = type.StartsWith("ObservableGauge", StringComparison.Ordinal) || type.StartsWith("Gauge", StringComparison.Ordinal);
            IsCounter = !IsHistogram && !IsGauge && (type.StartsWith("Counter", StringComparison.Ordinal) || type.StartsWith("ObservableCounter", StringComparison.Ordinal));
            var unit = instrument.Unit switch
            {
                "s" => "_seconds",
                "ms" => "_milliseconds",
                "By" => "_bytes",
                _ => string.Empty,
            };
            Name = Sanitize(instrument.Name) + unit + (IsCounter ? "_total" : string.Empty);
            _buckets = IsHistogram ? AdvisedBuckets(instrument) ?? s_defaultBuckets : [];
        }

        public Instrument Instrument { get; }

        public string Name { get; }

        public bool IsHistogram { get; }

        public bool IsGauge { get; }

        public bool IsCounter { get; }

        public string Type => IsHistogram ? "histogram" : IsCounter ? "counter" : "gauge";

        public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var key = Labels(tags);
            var point = _points.GetOrAdd(key, _ => new Point(_buckets.Length));
            lock (point)
            {
                if (IsHistogram)
                {
                    point.Count++;
                    point.Sum += value;
                    var index = Array.BinarySearch(_buckets, value);
                    point.Buckets[index < 0 ? ~index : index]++;
                }
                else if (IsGauge || Instrument.IsObservable)
                {
                    point.Sum = value;
                }
                else
                {
                    point.Sum += value;
                }
            }
        }

        public void Render(StringBuilder text)
        {
            foreach (var (labels, point) in _points.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                lock (point)
                {
                    if (!IsHistogram)
                    {
                        Line(text, Name, labels, point.Sum);
                        continue;
                    }

                    long cumulative = 0;
                    for (var i = 0; i < _buckets.Length; i++)
                    {
                        cumulative += point.Buckets[i];
                        Line(text, Name + "_bucket", Join(labels, $"le=\"{_buckets[i].ToString(CultureInfo.InvariantCulture)}\""), cumulative);
                    }

                    Line(text, Name + "_bucket", Join(labels, "le=\"+Inf\""), point.Count);
                    Line(text, Name + "_sum", labels, point.Sum);
                    Line(text, Name + "_count", labels, point.Count);
                }
            }
        }

        private static void Line(StringBuilder text, string name, string labels, double value)
        {
            text.Append(name);
            if (labels.Length > 0)
            {
                text.Append('{').Append(labels).Append('}');
            }

            text.Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        private static string Join(string labels, string extra) => labels.Length == 0 ? extra : labels + "," + extra;

        private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            if (tags.Length == 0)
            {
                return string.Empty;
            }

            var parts = new List<string>(tags.Length);
            foreach (var tag in tags)
            {
                parts.Add($"{Sanitize(tag.Key)}=\"{Escape(Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty)}\"");
            }

            parts.Sort(StringComparer.Ordinal);
            return string.Join(",", parts);
        }

        private static double[]? AdvisedBuckets(Instrument instrument)
            => instrument is Histogram<double> { Advice.HistogramBucketBoundaries: { } boundaries } ? [.. boundaries] : null;
    }

    private sealed class Point(int buckets)
    {
        public long[] Buckets { get; } = new long[buckets + 1];

        public long Count { get; set; }

        public double Sum { get; set; }
    }
}
