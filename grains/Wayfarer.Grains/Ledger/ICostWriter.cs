namespace Wayfarer.Grains.Ledger;

/// <summary>The money path of the ledger writer: group commit of <c>cost_tracking</c> rows.</summary>
/// <remarks>Requests from many grains that arrive while a commit is running are written together in the next one, so
/// throughput grows with load without adding latency when idle. Rows are inserted with <c>ON CONFLICT DO NOTHING</c>
/// by id, so a retried request never counts a charge twice.</remarks>
public interface ICostWriter
{
    /// <summary>Writes <paramref name="rows"/> and completes only once they are committed.</summary>
    /// <exception cref="LedgerWriteException">The rows could not be committed (the database is unreachable); nothing
    /// or everything of this request may have been written, and retrying is safe.</exception>
    Task WriteCostsAsync(IReadOnlyList<CostRecord> rows, CancellationToken cancellationToken = default);
}
