using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Wayfarer.Runtime.Diagnostics;

/// <summary>The runtime's instruments, on the meter <c>Wayfarer.Runtime</c>.</summary>
/// <remarks>Instrument names follow OpenTelemetry conventions; durations are in seconds.</remarks>
public sealed class RuntimeMetrics : IDisposable
{
    /// <summary>The meter (and activity source) name.</summary>
    public const string Name = "Wayfarer.Runtime";

    /// <summary>The activity source for grain call traces.</summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Histogram<double> _callDuration;
    private readonly Histogram<double> _activationDuration;
    private readonly Histogram<double> _storageDuration;
    private readonly Counter<long> _storageOperations;
    private long _pendingCalls;
    private Func<int>? _activeActivations;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or a private meter).</summary>
    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Calls = _meter.CreateCounter<long>("wayfarer.grain.calls", "{call}", "Grain calls sent.");
        CallFailures = _meter.CreateCounter<long>("wayfarer.grain.call.failures", "{call}", "Grain calls that ended in an exception, timeout or cancellation.");
        Timeouts = _meter.CreateCounter<long>("wayfarer.grain.call.timeouts", "{call}", "Grain calls that timed out.");
        Deadlocks = _meter.CreateCounter<long>("wayfarer.grain.call.deadlocks", "{call}", "Calls refused because their call chain would deadlock.");
        _callDuration = _meter.CreateHistogram<double>("wayfarer.grain.call.duration", "s", "Grain call latency seen by the caller.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.00001, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        ActivationsCreated = _meter.CreateCounter<long>("wayfarer.activations.created", "{activation}", "Activations that finished activating.");
        ActivationFailures = _meter.CreateCounter<long>("wayfarer.activations.failed", "{activation}", "Activations whose construction, state load or OnActivateAsync failed.");
        ActivationsDeactivated = _meter.CreateCounter<long>("wayfarer.activations.deactivated", "{activation}", "Activations deactivated.");
        _activationDuration = _meter.CreateHistogram<double>("wayfarer.activation.duration", "s", "Time to construct, load state and run OnActivateAsync.");
        _meter.CreateObservableGauge("wayfarer.activations.active", () => _activeActivations?.Invoke() ?? 0, "{activation}", "Live activations on this silo.");
        _meter.CreateObservableGauge("wayfarer.grain.calls.pending", () => Interlocked.Read(ref _pendingCalls), "{call}", "Calls awaiting a response.");
        _storageOperations = _meter.CreateCounter<long>("wayfarer.storage.operations", "{operation}", "Grain storage reads, writes and clears.");
        StorageConflicts = _meter.CreateCounter<long>("wayfarer.storage.conflicts", "{operation}", "Storage writes rejected for a stale ETag.");
        _storageDuration = _meter.CreateHistogram<double>("wayfarer.storage.duration", "s", "Grain storage operation latency.");
    }

    /// <summary>The meter the instruments belong to (one per silo when created through <see cref="IMeterFactory"/>).</summary>
    public Meter Meter => _meter;

    /// <summary>Calls sent.</summary>
    public Counter<long> Calls { get; }

    /// <summary>Calls that failed.</summary>
    public Counter<long> CallFailures { get; }

    /// <summary>Calls that timed out.</summary>
    public Counter<long> Timeouts { get; }

    /// <summary>Calls refused as deadlocks.</summary>
    public Counter<long> Deadlocks { get; }

    /// <summary>Activations created.</summary>
    public Counter<long> ActivationsCreated { get; }

    /// <summary>Activations that failed to activate.</summary>
    public Counter<long> ActivationFailures { get; }

    /// <summary>Activations deactivated.</summary>
    public Counter<long> ActivationsDeactivated { get; }

    /// <summary>Storage writes rejected for a stale ETag.</summary>
    public Counter<long> StorageConflicts { get; }

    /// <summary>Calls awaiting a response right now.</summary>
    public long PendingCalls => Interlocked.Read(ref _pendingCalls);

    internal void SetActivationCount(Func<int> count) => _activeActivations = count;

    internal void OnCallStarted()
    {
        Interlocked.Increment(ref _pendingCalls);
        Calls.Add(1);
    }

    internal void OnCallFinished(TimeSpan duration, bool failed)
    {
        Interlocked.Decrement(ref _pendingCalls);
        if (_callDuration.Enabled)
        {
            _callDuration.Record(duration.TotalSeconds);
        }

        if (failed)
        {
            CallFailures.Add(1);
        }
    }

    internal void RecordActivationDuration(TimeSpan duration) => _activationDuration.Record(duration.TotalSeconds);

    internal void RecordStorage(string operation, string provider, TimeSpan duration, bool failed)
    {
        var tags = new TagList { { "operation", operation }, { "provider", provider }, { "outcome", failed ? "error" : "ok" } };
        _storageOperations.Add(1, tags);
        _storageDuration.Record(duration.TotalSeconds, tags);
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
