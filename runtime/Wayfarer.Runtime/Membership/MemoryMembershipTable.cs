using System.Globalization;

namespace Wayfarer.Runtime.Membership;

/// <summary>An in-process <see cref="IMembershipTable"/> for tests and single-machine development: the same
/// semantics as the Redis table, without durability.</summary>
/// <remarks>
/// <para>Every operation runs under one lock, so each is atomic and all are linearizable. Inserts and updates
/// compare-and-set the table version (its number and ETag) and, for updates, the row's ETag; each success gives
/// the table and the written row fresh ETags. Version 0 has the ETag <c>"0"</c>, so an absent and a freshly
/// initialised table read the same.</para>
/// <para>A heartbeat is kept beside its row: it changes neither the version nor the row's ETag, and a row reads
/// with the later of its own <see cref="MembershipEntry.IAmAliveTime"/> and its last heartbeat. A heartbeat for a
/// silo without a row does nothing. <see cref="CleanupDefunctSiloEntriesAsync"/> does not change the version.</para>
/// <para>Rows are copied on the way in and out, so callers never share mutable lists with the table.</para>
/// </remarks>
public sealed class MemoryMembershipTable : IMembershipTable
{
    private static readonly TableVersion s_initialVersion = new(0, "0");

    private readonly Lock _lock = new();
    private readonly Dictionary<SiloAddress, StoredRow> _rows = [];
    private TableVersion _version = s_initialVersion;
    private long _lastETag;

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var rows = _rows.Values
                .OrderBy(row => row.Entry.Silo.ToString(), StringComparer.Ordinal)
                .Select(row => new MembershipRow(row.Read(), row.ETag))
                .ToList();
            return Task.FromResult(new MembershipTableData(rows, _version));
        }
    }

    /// <inheritdoc />
    public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(version);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!IsNext(version) || _rows.ContainsKey(entry.Silo))
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = new StoredRow(Copy(entry), NewETag(), Heartbeat: null);
            _version = new TableVersion(version.Version, NewETag());
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(etag);
        ArgumentNullException.ThrowIfNull(version);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (!IsNext(version) || !_rows.TryGetValue(entry.Silo, out var row) || !string.Equals(row.ETag, etag, StringComparison.Ordinal))
            {
                return Task.FromResult(false);
            }

            _rows[entry.Silo] = row with { Entry = Copy(entry), ETag = NewETag() };
            _version = new TableVersion(version.Version, NewETag());
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silo);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_rows.TryGetValue(silo, out var row))
            {
                _rows[silo] = row with { Heartbeat = iAmAliveTime };
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            foreach (var row in _rows.Values.Where(row => row.IsDefunct(beforeDate)).ToList())
            {
                _rows.Remove(row.Entry.Silo);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteTableAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            _rows.Clear();
            _version = s_initialVersion;
        }

        return Task.CompletedTask;
    }

    private bool IsNext(TableVersion version) =>
        version.Version == _version.Version + 1 && string.Equals(version.ETag, _version.ETag, StringComparison.Ordinal);

    // Called under the lock; ETags never repeat within this instance, even across DeleteTableAsync.
    private string NewETag() => (++_lastETag).ToString(CultureInfo.InvariantCulture);

    private static MembershipEntry Copy(MembershipEntry entry) =>
        entry with { SuspectVotes = [.. entry.SuspectVotes], GrainTypes = [.. entry.GrainTypes] };

    private sealed record StoredRow(MembershipEntry Entry, string ETag, DateTimeOffset? Heartbeat)
    {
        public DateTimeOffset IAmAliveTime => Heartbeat is { } heartbeat && heartbeat > Entry.IAmAliveTime ? heartbeat : Entry.IAmAliveTime;

        public MembershipEntry Read() => Copy(Entry) with { IAmAliveTime = IAmAliveTime };

        public bool IsDefunct(DateTimeOffset beforeDate) =>
            Entry.Status is SiloStatus.Dead or SiloStatus.Stopped && IAmAliveTime < beforeDate;
    }
}
