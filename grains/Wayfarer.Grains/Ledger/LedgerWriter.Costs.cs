using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>The group-commit loop for <see cref="ICostWriter"/>.</summary>
public sealed partial class LedgerWriter
{
    /// <summary>Takes every request waiting (up to a batch of rows), commits them in one transaction, and answers each;
    /// requests that arrive meanwhile form the next group.</summary>
    private async Task RunCostsAsync()
    {
        var group = new List<CostRequest>();
        var reader = _costs.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                var rows = 0;
                while (rows < _options.BatchSize && reader.TryRead(out var request))
                {
                    if (request.CancellationToken.IsCancellationRequested)
                    {
                        request.Done.TrySetCanceled(request.CancellationToken);
                        continue;
                    }

                    group.Add(request);
                    rows += request.Rows.Count;
                }

                if (group.Count > 0)
                {
                    await CommitGroupAsync(group, rows);
                    group.Clear();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            foreach (var request in group)
            {
                request.Done.TrySetException(new LedgerWriteException("The ledger writer stopped before the costs were committed.", request.Rows.Count, isTransient: true));
            }
        }

        while (reader.TryRead(out var left))
        {
            left.Done.TrySetException(new LedgerWriteException("The ledger writer is stopped.", left.Rows.Count, isTransient: true));
        }
    }

    private async Task CommitGroupAsync(List<CostRequest> group, int rows)
    {
        Exception? failure = null;
        for (var attempt = 1; attempt <= _options.CostWriteAttempts; attempt++)
        {
            try
            {
                await CommitAsync([Command(group.SelectMany(r => r.Rows).ToList(), rows)], "costs", _stopping.Token);
                foreach (var request in group)
                {
                    request.Done.TrySetResult();
                }

                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or IOException && !_stopping.IsCancellationRequested)
            {
                failure = exception;
                _telemetry.WriteFailures.Add(1, new KeyValuePair<string, object?>("path", "costs"));
                LedgerLog.CostWriteFailed(_logger, exception, rows, attempt);
                if (!IsTransient(exception))
                {
                    break;
                }

                if (attempt < _options.CostWriteAttempts)
                {
                    await Task.Delay(_options.RetryDelay * attempt, _timeProvider, _stopping.Token);
                }
            }
        }

        if (group.Count > 1 && failure is not null && !IsTransient(failure))
        {
            // One request's rows were rejected: commit the others on their own so that only it fails.
            foreach (var request in group)
            {
                await CommitGroupAsync([request], request.Rows.Count);
            }

            return;
        }

        foreach (var request in group)
        {
            request.Done.TrySetException(new LedgerWriteException($"Committing {request.Rows.Count} cost rows failed.", request.Rows.Count, failure is null || IsTransient(failure), failure));
        }
    }

    private (string Table, int Rows, NpgsqlBatchCommand Command) Command(List<CostRecord> rows, int count) =>
        (LedgerTables.Costs.Name, count, LedgerTables.Costs.Command(rows, _serviceId));

    private sealed class CostRequest(IReadOnlyList<CostRecord> rows, CancellationToken cancellationToken)
    {
        public IReadOnlyList<CostRecord> Rows { get; } = rows;

        public CancellationToken CancellationToken { get; } = cancellationToken;

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
