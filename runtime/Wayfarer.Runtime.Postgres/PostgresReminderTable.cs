using System.Globalization;
using Npgsql;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime.Postgres;

/// <summary>An <see cref="IReminderTable"/> over the PostgreSQL table <c>reminders</c> (created by
/// <c>0001_runtime.sql</c>).</summary>
/// <remarks>
/// <para>Rows are keyed by service id, grain type, grain key and reminder name. The ETag is the row's
/// <c>version</c> in decimal text, drawn from the sequence <c>reminders_version_seq</c> on every upsert: it grows
/// on every upsert and is never reused, even by a reminder removed and created again, so a removal naming an
/// earlier incarnation's ETag removes nothing.</para>
/// <para>Each row also stores <see cref="GrainHash"/> of its grain id, so that silos can split the reminders
/// between them by hash range (<see cref="ReadRangeAsync"/>).</para>
/// <para><see cref="ReminderEntry.StartAt"/> is stored in UTC with microsecond precision and
/// <see cref="ReminderEntry.Period"/> in whole milliseconds (truncated). Rows are returned in no particular
/// order. Every operation is one parameterised SQL statement; the type is safe for concurrent use and owns one
/// <see cref="NpgsqlDataSource"/> (a connection pool), released on disposal.</para>
/// </remarks>
public sealed class PostgresReminderTable : IReminderTable, IAsyncDisposable, IDisposable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";

    private const string GrainKey = "service_id = $1 AND grain_type = $2 AND grain_key = $3";

    private const string ReadAllSql = $"SELECT {Columns} FROM reminders WHERE service_id = $1";

    private const string ReadRowsSql = $"SELECT {Columns} FROM reminders WHERE {GrainKey}";

    private const string ReadRowSql = $"SELECT {Columns} FROM reminders WHERE {GrainKey} AND reminder_name = $4";

    private const string ReadRangeSql = $"SELECT {Columns} FROM reminders WHERE service_id = $1 AND grain_hash > $2 AND grain_hash <= $3";

    private const string ReadWrappedRangeSql = $"SELECT {Columns} FROM reminders WHERE service_id = $1 AND (grain_hash > $2 OR grain_hash <= $3)";

    private const string UpsertSql = """
        INSERT INTO reminders (service_id, grain_type, grain_key, reminder_name, start_at, period_ms, version, grain_hash)
        VALUES ($1, $2, $3, $4, $5, $6, nextval('reminders_version_seq'), $7)
        ON CONFLICT (service_id, grain_type, grain_key, reminder_name)
        DO UPDATE SET start_at = excluded.start_at, period_ms = excluded.period_ms, version = excluded.version
        RETURNING version
        """;

    private const string RemoveSql = $"DELETE FROM reminders WHERE {GrainKey} AND reminder_name = $4 AND version = $5";

    private const string ClearAllSql = "DELETE FROM reminders WHERE service_id = $1";

    private const string TableExistsSql = "SELECT to_regclass('reminders') IS NOT NULL";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the table client and its connection pool; opens no connection yet.</summary>
    /// <param name="serviceId">The service id written into every row.</param>
    /// <param name="options">The options; <see cref="PostgresReminderTableOptions.ServiceId"/> is not read.</param>
    public PostgresReminderTable(string serviceId, PostgresReminderTableOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ServiceId = serviceId;
        _dataSource = PostgresConnections.Create(options.ConnectionString);
    }

    /// <summary>The service id written into every row.</summary>
    public string ServiceId { get; }

    /// <inheritdoc />
    /// <remarks>Creates nothing: the table comes from the migrations. Checks that it exists.</remarks>
    /// <exception cref="WayfarerException">The <c>reminders</c> table does not exist.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(TableExistsSql);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            throw new WayfarerException("The table 'reminders' does not exist: apply the database migrations (PostgresMigrator) first.");
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ReadAllSql);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ReadRowsSql, grainId);
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        await using var command = CreateCommand(ReadRowSql, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        var rows = await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Reads the reminders whose <see cref="GrainHash"/> lies in the ring range
    /// (<paramref name="begin"/>, <paramref name="end"/>].</summary>
    /// <remarks>When <paramref name="begin"/> is less than <paramref name="end"/> the range is
    /// <c>begin &lt; hash &lt;= end</c>; otherwise it wraps around: <c>hash &gt; begin</c> or <c>hash &lt;= end</c>,
    /// so <c>begin == end</c> reads the whole ring. Adjacent ranges that share an end point therefore cover the ring
    /// with no overlap.</remarks>
    /// <param name="begin">The exclusive start of the range.</param>
    /// <param name="end">The inclusive end of the range.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reminders of the service in the range.</returns>
    public async Task<IReadOnlyList<ReminderEntry>> ReadRangeAsync(uint begin, uint end, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(begin < end ? ReadRangeSql : ReadWrappedRangeSql);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = GrainHash.ToStored(begin) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = GrainHash.ToStored(end) });
        return await ReadEntriesAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The entry's own <see cref="ReminderEntry.ETag"/> is ignored: an upsert always succeeds.</remarks>
    public async Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        await using var command = CreateCommand(UpsertSql, entry.GrainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.ReminderName });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = entry.Period.Ticks / TimeSpan.TicksPerMillisecond });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = GrainHash.ToStored(GrainHash.Compute(entry.GrainId)) });
        var version = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return MemoryGrainStorage.FormatETag(version);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        if (MemoryGrainStorage.ParseETag(eTag) is not { } version)
        {
            return false;
        }

        await using var command = CreateCommand(RemoveSql, grainId);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task ClearAllAsync(CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(ClearAllSql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Releases the connection pool.</summary>
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>Releases the connection pool.</summary>
    public void Dispose() => _dataSource.Dispose();

    private NpgsqlCommand CreateCommand(string sql)
    {
        var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        return command;
    }

    private NpgsqlCommand CreateCommand(string sql, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default (empty) id.", nameof(grainId));
        }

        var command = CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        return command;
    }

    private static async Task<IReadOnlyList<ReminderEntry>> ReadEntriesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = new GrainId(reader.GetString(0), reader.GetString(1)),
                    ReminderName = reader.GetString(2),
                    StartAt = reader.GetFieldValue<DateTimeOffset>(3),
                    Period = TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                    ETag = reader.GetInt64(5).ToString(CultureInfo.InvariantCulture),
                });
            }
        }

        return entries;
    }
}
