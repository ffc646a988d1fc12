using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>The ledger's own PostgreSQL connection pool, kept apart from any <see cref="NpgsqlDataSource"/> the host
/// registers for other purposes.</summary>
public sealed class LedgerDataSource : IAsyncDisposable, IDisposable
{
    /// <summary>Creates the pool.</summary>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    public LedgerDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>The pool.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => DataSource.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => DataSource.Dispose();
}
