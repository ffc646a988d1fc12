using System.Diagnostics.Metrics;

namespace Wayfarer.Grains.Ledger;

/// <summary>The ledger's meter, named <c>Wayfarer.Grains.Ledger</c>.</summary>
public sealed class LedgerTelemetry : IDisposable
{
    /// <summary>The meter name.</summary>
    public const string Name = "Wayfarer.Grains.Ledger";

    private readonly Meter _meter;
    private Func<long> _queueDepth = () => 0;

    /// <summary>Creates the instruments through <paramref name="meterFactory"/> when given (the host's), else a
    /// standalone meter.</summary>
    public LedgerTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        RowsWritten = _meter.CreateCounter<long>("wayfarer.ledger.rows.written", description: "Ledger rows committed, by table.");
        BatchSize = _meter.CreateHistogram<int>("wayfarer.ledger.batch.size", description: "Rows per committed batch, by path (ledger or costs).");
        FlushDuration = _meter.CreateHistogram<double>("wayfarer.ledger.flush.duration", unit: "ms", description: "Time to commit one batch.");
        WriteFailures = _meter.CreateCounter<long>("wayfarer.ledger.write.failures", description: "Batches that failed to commit (retried).");
        ChargedUsd = _meter.CreateCounter<double>("wayfarer.ledger.charged", unit: "USD", description: "Money charged to users, by model.");
        Denials = _meter.CreateCounter<long>("wayfarer.ledger.denials", description: "Reservations refused, by reason.");
        _meter.CreateObservableGauge("wayfarer.ledger.queue.depth", () => _queueDepth(), description: "Rows waiting in the ledger writer's buffer.");
    }

    /// <summary>Rows committed, tagged by table.</summary>
    public Counter<long> RowsWritten { get; }

    /// <summary>Rows per batch, tagged by path.</summary>
    public Histogram<int> BatchSize { get; }

    /// <summary>Commit latency in milliseconds, tagged by path.</summary>
    public Histogram<double> FlushDuration { get; }

    /// <summary>Failed batch commits, tagged by path.</summary>
    public Counter<long> WriteFailures { get; }

    /// <summary>USD charged, tagged by model.</summary>
    public Counter<double> ChargedUsd { get; }

    /// <summary>Refused reservations, tagged by reason.</summary>
    public Counter<long> Denials { get; }

    /// <summary>Sets where the queue depth gauge reads from.</summary>
    internal void ObserveQueueDepth(Func<long> depth) => _queueDepth = depth;

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
