using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Applies the forward-only SQL migrations embedded in this assembly (every <c>sql/NNNN_name.sql</c> of
/// the repository) to a PostgreSQL database, and reports where each stands.</summary>
/// <remarks>
/// <para>Applied migrations are recorded in <c>schema_migrations(version, name, checksum, applied_at)</c>. Pending
/// ones run in version order, each in its own transaction together with its record, so a failure leaves that
/// migration wholly unapplied and the ones before it applied.</para>
/// <para>Before applying anything the migrator checks the recorded history and refuses, with a
/// <see cref="MigrationException"/> naming the file, when an applied file's checksum or name changed, when an
/// applied version has no file any more, or when a pending file's version is below the highest applied one.</para>
/// <para>Concurrent migrators, in one process or on many silos, serialise on a PostgreSQL session advisory lock
/// held for the whole run on a dedicated, unpooled connection (so the lock is released when the connection closes,
/// whatever happens): the first applies the pending migrations and the others then find nothing to do.</para>
/// </remarks>
public sealed partial class PostgresMigrator
{
    /// <summary>The advisory lock key all migrators share: the ASCII bytes of "Wayfarer".</summary>
    public const long LockKey = 0x5761_7966_6172_6572;

    private const string CreateHistorySql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     NOT NULL PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string HistoryExistsSql = "SELECT to_regclass('schema_migrations') IS NOT NULL";

    private const string ReadHistorySql = "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version";

    private const string RecordSql = "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())";

    private const string LockSql = "SELECT pg_advisory_lock($1)";

    private readonly string _connectionString;
    private readonly int _commandTimeoutSeconds;
    private readonly ILogger _logger;

    /// <summary>Creates a migrator for the migrations embedded in this assembly.</summary>
    /// <param name="options">The options; <see cref="PostgresMigrationOptions.ApplyMigrations"/> is not read.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    /// <exception cref="MigrationException">An embedded file is misnamed or two share a version.</exception>
    public PostgresMigrator(PostgresMigrationOptions options, ILogger<PostgresMigrator>? logger = null)
        : this(options, EmbeddedMigrations.Value, logger)
    {
    }

    /// <summary>Creates a migrator for the given migrations (tests).</summary>
    internal PostgresMigrator(PostgresMigrationOptions options, IEnumerable<Migration> migrations, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.ConnectionString);
        ArgumentNullException.ThrowIfNull(migrations);
        // Unpooled: closing the connection ends the session, which releases the advisory lock even after a failure.
        _connectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ConnectionString;
        _commandTimeoutSeconds = (int)Math.Clamp(options.CommandTimeout.TotalSeconds, 1, int.MaxValue);
        _logger = logger ?? NullLogger.Instance;
        Migrations = EmbeddedMigrations.Sort(migrations);
    }

    /// <summary>The migrations this migrator knows, in version order.</summary>
    public IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Applies every pending migration, in version order.</summary>
    /// <param name="cancellationToken">Cancels the wait for the lock and the migration running.</param>
    /// <returns>The file names applied by this call, in order; empty when the database was up to date.</returns>
    /// <exception cref="MigrationException">The recorded history does not match the files, or a migration
    /// failed; the exception names the file.</exception>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (var lockCommand = CreateCommand(LockSql, connection))
            {
                lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = LockKey });
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var create = CreateCommand(CreateHistorySql, connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var history = await ReadHistoryAsync(connection, cancellationToken).ConfigureAwait(false);
            Verify(history);
            var applied = new List<string>();
            foreach (var migration in Migrations.Where(migration => !history.ContainsKey(migration.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken).ConfigureAwait(false);
                applied.Add(migration.Name);
            }

            if (applied.Count == 0)
            {
                LogUpToDate(_logger, Migrations.Count);
            }

            return applied;
        }
    }

    /// <summary>Reports where every migration stands, without changing anything or taking the lock.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>One entry per file and per recorded version without a file, in version order.</returns>
    public async Task<IReadOnlyList<MigrationStatus>> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<int, AppliedMigration> history;
        var connection = new NpgsqlConnection(_connectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var exists = CreateCommand(HistoryExistsSql, connection);
            history = await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true
                ? await ReadHistoryAsync(connection, cancellationToken).ConfigureAwait(false)
                : new Dictionary<int, AppliedMigration>();
        }

        var statuses = new List<MigrationStatus>();
        foreach (var migration in Migrations)
        {
            var applied = history.GetValueOrDefault(migration.Version);
            var state = applied is null ? MigrationState.Pending
                : applied.Checksum == migration.Checksum && applied.Name == migration.Name ? MigrationState.Applied
                : MigrationState.Modified;
            statuses.Add(new MigrationStatus(migration.Version, migration.Name, state, migration.Checksum, applied?.Checksum, applied?.AppliedAt));
        }

        var known = Migrations.Select(migration => migration.Version).ToHashSet();
        statuses.AddRange(history.Values
            .Where(applied => !known.Contains(applied.Version))
            .Select(applied => new MigrationStatus(applied.Version, applied.Name, MigrationState.MissingFile, null, applied.Checksum, applied.AppliedAt)));
        return [.. statuses.OrderBy(status => status.Version)];
    }

    private void Verify(IReadOnlyDictionary<int, AppliedMigration> history)
    {
        var files = Migrations.ToDictionary(migration => migration.Version);
        foreach (var applied in history.Values.OrderBy(applied => applied.Version))
        {
            if (!files.TryGetValue(applied.Version, out var file))
            {
                throw Refuse(applied.Name, $"Migration '{applied.Name}' (version {applied.Version}) is recorded as applied but no migration file has that version any more. Restore the file; applied migrations are never removed.");
            }

            if (file.Name != applied.Name)
            {
                throw Refuse(file.Name, $"Migration file '{file.Name}' has version {file.Version}, which was applied as '{applied.Name}'. Restore the original name; applied migrations are never renamed.");
            }

            if (file.Checksum != applied.Checksum)
            {
                throw Refuse(file.Name, $"Migration file '{file.Name}' was edited after it was applied (checksum {file.Checksum}, applied {applied.Checksum}). Restore the applied text and put the change in a new migration.");
            }
        }

        var highest = history.Count == 0 ? 0 : history.Keys.Max();
        if (Migrations.FirstOrDefault(migration => !history.ContainsKey(migration.Version) && migration.Version < highest) is { } late)
        {
            throw Refuse(late.Name, $"Migration file '{late.Name}' is pending but version {highest} is already applied. Renumber it above {highest}; migrations only move forward.");
        }
    }

    private MigrationException Refuse(string fileName, string message)
    {
        LogRefused(_logger, fileName, message);
        return new MigrationException(message, fileName);
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        LogApplying(_logger, migration.Name);
        var stopwatch = Stopwatch.StartNew();
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            try
            {
                await using (var body = CreateCommand(migration.Sql, connection, transaction))
                {
                    await body.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await using (var record = CreateCommand(RecordSql, connection, transaction))
                {
                    record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = migration.Version });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Name });
                    record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = migration.Checksum });
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException exception)
            {
                LogFailed(_logger, exception, migration.Name);
                throw new MigrationException($"Migration '{migration.Name}' failed and was rolled back: {exception.Message}", migration.Name, exception);
            }
        }

        LogApplied(_logger, migration.Name, stopwatch.ElapsedMilliseconds);
    }

    private static async Task<IReadOnlyDictionary<int, AppliedMigration>> ReadHistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var history = new Dictionary<int, AppliedMigration>();
        await using var command = new NpgsqlCommand(ReadHistorySql, connection);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var applied = new AppliedMigration(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3));
                history.Add(applied.Version, applied);
            }
        }

        return history;
    }

    private NpgsqlCommand CreateCommand(string sql, NpgsqlConnection connection, NpgsqlTransaction? transaction = null) =>
        new(sql, connection, transaction) { CommandTimeout = _commandTimeoutSeconds };

    private sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt);
}
