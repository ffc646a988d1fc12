using Wayfarer.Runtime;

namespace Wayfarer.Grains.Ledger;

/// <summary>A ledger batch could not be written to PostgreSQL.</summary>
public sealed class LedgerWriteException : WayfarerException
{
    private readonly bool _isTransient;

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="rows">How many rows the failed batch held.</param>
    /// <param name="isTransient">Whether retrying later may succeed.</param>
    /// <param name="innerException">The database error.</param>
    public LedgerWriteException(string message, int rows, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Rows = rows;
        _isTransient = isTransient;
    }

    /// <summary>How many rows the failed batch held.</summary>
    public int Rows { get; }

    /// <summary>Whether retrying later may succeed (connection refused, timeout, server shutting down).</summary>
    public override bool IsTransient => _isTransient;
}
