using System.Globalization;
using System.IO.Compression;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Wayfarer.Grains.Ledger;

/// <summary>Keeps the ledger tables' monthly partitions in shape: at start and every
/// <see cref="LedgerOptions.MaintenanceInterval"/> it creates this month's and the next two months' partitions, archives
/// and drops months that ended more than <see cref="LedgerOptions.RetentionDays"/> ago, and refreshes
/// <c>cost_daily_rollup</c>.</summary>
/// <remarks>Every silo runs the service, but one pass runs at a time across the cluster: a pass holds a PostgreSQL
/// advisory lock and a silo that cannot take it skips its turn. An archived month goes to a gzip CSV file per partition
/// under <see cref="LedgerOptions.ArchiveDirectory"/> (written completely before the partition is dropped, in the same
/// transaction as the detach), or, without a directory, into the <c>ledger_archive</c> schema.</remarks>
public sealed class LedgerMaintenance(
    LedgerDataSource database,
    IOptions<LedgerOptions> options,
    TimeProvider timeProvider,
    ILogger<LedgerMaintenance> logger) : BackgroundService
{
    /// <summary>The advisory lock key of a maintenance pass.</summary>
    public const long LockKey = 0x5746_4c45_4447_4552;

    private static readonly string[] Tables =
        ["agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "system_metrics", "notifications"];

    private readonly LedgerOptions _options = options.Value;

    /// <summary>Runs one pass now.</summary>
    /// <returns>What it did, or null when another silo was running a pass.</returns>
    public async Task<LedgerMaintenanceResult?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, null, "SELECT pg_try_advisory_lock($1)", cancellationToken, LockKey))
        {
            LedgerLog.MaintenanceSkipped(logger);
            return null;
        }

        try
        {
            var now = timeProvider.GetUtcNow();
            var month = new DateOnly(now.Year, now.Month, 1);
            var created = await ScalarAsync<int>(connection, null, "SELECT ledger_create_partitions($1, $2)", cancellationToken, month, month.AddMonths(2));
            if (created > 0)
            {
                LedgerLog.PartitionsCreated(logger, created);
            }

            var archived = new List<string>();
            foreach (var (parent, partition) in await ExpiredAsync(connection, now, cancellationToken))
            {
                archived.Add(await ArchiveAsync(connection, parent, partition, cancellationToken));
            }

            await using (var refresh = new NpgsqlCommand("REFRESH MATERIALIZED VIEW CONCURRENTLY cost_daily_rollup", connection))
            {
                refresh.CommandTimeout = 0;
                await refresh.ExecuteNonQueryAsync(cancellationToken);
            }

            return new LedgerMaintenanceResult(created, archived);
        }
        finally
        {
            // A broken connection has already released the lock with its session.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ScalarAsync<bool>(connection, null, "SELECT pg_advisory_unlock($1)", CancellationToken.None, LockKey);
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.EnableMaintenance)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.MaintenanceInterval, timeProvider);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or IOException or TimeoutException or UnauthorizedAccessException)
            {
                LedgerLog.MaintenanceFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Monthly partitions (named <c>{table}_pYYYYMM</c>) whose month ended more than the retention ago.</summary>
    private async Task<List<(string Parent, string Partition)>> ExpiredAsync(NpgsqlConnection connection, DateTimeOffset now, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT p.relname, c.relname
            FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_class p ON p.oid = i.inhparent
            JOIN pg_namespace n ON n.oid = p.relnamespace
            WHERE n.nspname = current_schema() AND p.relname = ANY($1)
            ORDER BY c.relname
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = Tables });
        var expired = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var parent = reader.GetString(0);
            var partition = reader.GetString(1);
            var suffix = partition.Length == parent.Length + 8 && partition.StartsWith(parent + "_p", StringComparison.Ordinal) ? partition[^6..] : null;
            if (suffix is not null && DateOnly.TryParseExact(suffix + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                var ended = month.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                if (ended.AddDays(_options.RetentionDays) <= now.UtcDateTime)
                {
                    expired.Add((parent, partition));
                }
            }
        }

        return expired;
    }

    private async Task<string> ArchiveAsync(NpgsqlConnection connection, string parent, string partition, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(parent)} DETACH PARTITION {Quote(partition)}", ct);
        string destination;
        if (string.IsNullOrWhiteSpace(_options.ArchiveDirectory))
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {Quote(partition)} SET SCHEMA ledger_archive", ct);
            destination = "ledger_archive." + partition;
        }
        else
        {
            Directory.CreateDirectory(_options.ArchiveDirectory);
            destination = Path.Combine(_options.ArchiveDirectory, partition + ".csv.gz");
            var partial = destination + ".partial";
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await using (var gzip = new GZipStream(file, CompressionLevel.Optimal, leaveOpen: true))
                await using (var csv = new StreamWriter(gzip, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                using (var copy = await connection.BeginTextExportAsync($"COPY {Quote(partition)} TO STDOUT (FORMAT csv, HEADER)", ct))
                {
                    var buffer = new char[1 << 15];
                    int read;
                    while ((read = await copy.ReadAsync(buffer.AsMemory(), ct)) > 0)
                    {
                        await csv.WriteAsync(buffer.AsMemory(0, read), ct);
                    }
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            File.Move(partial, destination, overwrite: true);
            await ExecuteAsync(connection, transaction, $"DROP TABLE {Quote(partition)}", ct);
        }

        await transaction.CommitAsync(ct);
        LedgerLog.PartitionArchived(logger, partition, destination);
        return partition;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
