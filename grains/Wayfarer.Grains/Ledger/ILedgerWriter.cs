namespace Wayfarer.Grains.Ledger;

/// <summary>Writes ledger rows in batches (by size or after a short delay), off the caller's path.</summary>
/// <remarks>Rows are buffered in memory; a crash can lose at most the last batch of these operational rows. Money is
/// different: charges go through <c>IUserLedgerGrain</c>, which persists them before acknowledging.</remarks>
public interface ILedgerWriter
{
    /// <summary>Queues a row. Completes at once while the buffer has room; when it is full (the database is slow or
    /// down) it waits for room, so rows are never dropped.</summary>
    ValueTask WriteAsync(LedgerRecord record, CancellationToken cancellationToken = default);

    /// <summary>Writes everything queued so far and waits for it.</summary>
    Task FlushAsync(CancellationToken cancellationToken = default);
}
