using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Ledger.Tests.Support;

/// <summary>A <see cref="LedgerWriter"/> outside a silo, with its telemetry and a listener recording batch sizes.</summary>
internal sealed class TestWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly MeterListener _listener = new();
    private readonly List<int> _batchSizes = [];

    public TestWriter(string connectionString, string serviceId, Action<LedgerOptions>? configure = null)
    {
        var options = new LedgerOptions { RetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(200), ShutdownTimeout = TimeSpan.FromSeconds(5) };
        configure?.Invoke(options);
        Telemetry = new LedgerTelemetry();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter == GetMeter(Telemetry) && instrument.Name == "wayfarer.ledger.batch.size")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: "path", Value: "ledger" })
                {
                    lock (_batchSizes)
                    {
                        _batchSizes.Add(value);
                    }
                }
            }
        });
        _listener.Start();
        _dataSource = NpgsqlDataSource.Create(connectionString);
        Writer = new LedgerWriter(_dataSource, serviceId, options, Telemetry, TimeProvider.System, NullLogger<LedgerWriter>.Instance);
    }

    public LedgerWriter Writer { get; }

    public LedgerTelemetry Telemetry { get; }

    public IReadOnlyList<int> BatchSizes
    {
        get
        {
            lock (_batchSizes)
            {
                return [.. _batchSizes];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Writer.DisposeAsync();
        await _dataSource.DisposeAsync();
        _listener.Dispose();
        Telemetry.Dispose();
    }

    private static Meter GetMeter(LedgerTelemetry telemetry) => telemetry.RowsWritten.Meter;
}
