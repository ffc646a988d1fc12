using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>Writes ledger rows to PostgreSQL off the callers' path: one background loop collects rows from a bounded
/// buffer and commits them in batches of up to <see cref="LedgerOptions.BatchSize"/> rows or every
/// <see cref="LedgerOptions.FlushInterval"/>, one multi-row statement per table (upserts for runs and tasks). A second
/// loop group-commits cost rows for <see cref="ICostWriter"/>.</summary>
/// <remarks>A batch that fails for a transient reason (PostgreSQL down or restarting) is retried with exponential
/// back-off; meanwhile the buffer fills and writers wait, so nothing is dropped. A batch PostgreSQL rejects for its
/// content is retried table by table and only the rejected table's rows are dropped (logged). Disposing drains the
/// buffer for up to <see cref="LedgerOptions.ShutdownTimeout"/>. Delays run on the <see cref="TimeProvider"/> given.</remarks>
public sealed partial class LedgerWriter : ILedgerWriter, ICostWriter, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly LedgerOptions _options;
    private readonly LedgerTelemetry _telemetry;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<object> _queue;
    private readonly Channel<CostRequest> _costs = Channel.CreateUnbounded<CostRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;
    private readonly Task _costLoop;
    private int _disposed;

    /// <summary>Starts the writer's loops.</summary>
    /// <param name="dataSource">Where to write.</param>
    /// <param name="serviceId">The <c>service_id</c> of every row.</param>
    /// <param name="options">Batching and retry settings.</param>
    /// <param name="telemetry">Metrics.</param>
    /// <param name="timeProvider">The clock for flush intervals and back-off.</param>
    /// <param name="logger">The logger.</param>
    public LedgerWriter(NpgsqlDataSource dataSource, string serviceId, LedgerOptions options, LedgerTelemetry telemetry, TimeProvider timeProvider, ILogger<LedgerWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = dataSource;
        _serviceId = serviceId;
        _options = options;
        _telemetry = telemetry;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        telemetry.ObserveQueueDepth(() => _queue.Reader.CanCount ? _queue.Reader.Count : 0);
        _loop = Task.Run(RunAsync);
        _costLoop = Task.Run(RunCostsAsync);
    }

    /// <summary>Rows queued and not yet committed.</summary>
    public int QueueDepth => _queue.Reader.Count;

    /// <inheritdoc />
    public ValueTask WriteAsync(LedgerRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        return _queue.Writer.WriteAsync(record, cancellationToken);
    }

    /// <inheritdoc />
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var marker = new FlushMarker();
        await _queue.Writer.WriteAsync(marker, cancellationToken);
        await marker.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteCostsAsync(IReadOnlyList<CostRecord> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var request = new CostRequest(rows, cancellationToken);
        if (!_costs.Writer.TryWrite(request))
        {
            throw new LedgerWriteException("The ledger writer is stopped.", rows.Count, isTransient: true);
        }

        await request.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops accepting rows, writes what is buffered (waiting up to <see cref="LedgerOptions.ShutdownTimeout"/>),
    /// then stops the loops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _queue.Writer.TryComplete();
        _costs.Writer.TryComplete();
        var drained = Task.WhenAll(_loop, _costLoop);
        if (await Task.WhenAny(drained, Task.Delay(_options.ShutdownTimeout, _timeProvider)) != drained)
        {
            await _stopping.CancelAsync();
        }

        try
        {
            await drained;
        }
        catch (OperationCanceledException)
        {
        }

        var left = _queue.Reader.CanCount ? _queue.Reader.Count : 0;
        if (left > 0)
        {
            LedgerLog.DrainIncomplete(_logger, left);
        }

        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new LedgerBatch();
        var markers = new List<FlushMarker>();
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                await FillAsync(reader, batch, markers);
                if (batch.Count > 0)
                {
                    await WriteWithRetryAsync(batch);
                    batch.Clear();
                }

                foreach (var marker in markers)
                {
                    marker.Done.TrySetResult();
                }

                markers.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            foreach (var marker in markers)
            {
                marker.Done.TrySetCanceled();
            }
        }
    }

    /// <summary>Takes rows until the batch is full, a flush is asked for, or the flush interval has passed since the
    /// first row.</summary>
    private async Task FillAsync(ChannelReader<object> reader, LedgerBatch batch, List<FlushMarker> markers)
    {
        var started = _timeProvider.GetTimestamp();
        while (batch.Count < _options.BatchSize)
        {
            if (reader.TryRead(out var item))
            {
                if (item is FlushMarker marker)
                {
                    markers.Add(marker);
                    return;
                }

                batch.Add((LedgerRecord)item);
                continue;
            }

            var remaining = _options.FlushInterval - _timeProvider.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var wait = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            wait.CancelAfter(remaining);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task WriteWithRetryAsync(LedgerBatch batch)
    {
        var delay = _options.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitAsync([.. batch.Commands(_serviceId)], "ledger", _stopping.Token);
                return;
            }
            catch (Exception exception) when (IsTransient(exception) && !_stopping.IsCancellationRequested)
            {
                _telemetry.WriteFailures.Add(1, new KeyValuePair<string, object?>("path", "ledger"));
                LedgerLog.BatchFailed(_logger, exception, batch.Count, attempt, delay);
                await Task.Delay(delay, _timeProvider, _stopping.Token);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
            catch (PostgresException exception)
            {
                _telemetry.WriteFailures.Add(1, new KeyValuePair<string, object?>("path", "ledger"));
                await WriteTablesApartAsync(batch, exception);
                return;
            }
        }
    }

    /// <summary>After PostgreSQL rejected a batch for its content: each table on its own, so only the rejected table's
    /// rows are lost.</summary>
    private async Task WriteTablesApartAsync(LedgerBatch batch, PostgresException cause)
    {
        LedgerLog.BatchRejected(_logger, cause, batch.Count);
        foreach (var command in batch.Commands(_serviceId))
        {
            try
            {
                await CommitAsync([command], "ledger", _stopping.Token);
            }
            catch (PostgresException exception) when (!exception.IsTransient)
            {
                LedgerLog.BatchRejected(_logger, exception, command.Rows);
            }
        }
    }

    private async Task CommitAsync(IReadOnlyList<(string Table, int Rows, NpgsqlBatchCommand Command)> commands, string path, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var connection = await _dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command.Command);
            }

            await batch.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var rows = 0;
        foreach (var command in commands)
        {
            rows += command.Rows;
            _telemetry.RowsWritten.Add(command.Rows, new KeyValuePair<string, object?>("table", command.Table));
        }

        var tag = new KeyValuePair<string, object?>("path", path);
        _telemetry.BatchSize.Record(rows, tag);
        _telemetry.FlushDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
    }

    /// <summary>Connection failures, timeouts, a server that is restarting, and tables not migrated yet clear up by
    /// themselves; anything else PostgreSQL rejects will be rejected again.</summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UndefinedTable } => true,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql is not PostgresException,
        TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };

    private sealed class FlushMarker
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
