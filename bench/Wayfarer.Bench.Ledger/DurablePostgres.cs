using Npgsql;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Testing;

namespace Wayfarer.Bench.Ledger;

/// <summary>The PostgreSQL under test: a throwaway server from tests/Wayfarer.Testing switched to DURABLE settings
/// (fsync, synchronous_commit, full_page_writes on, verified), or an external one from <c>--pg</c>.</summary>
/// <remarks>The testing server turns durability off for test speed; a benchmark of committed money must pay for
/// durable commits, so this turns it back on with <c>ALTER SYSTEM</c> and a reload.</remarks>
internal sealed class DurablePostgres : IAsyncDisposable
{
    private readonly PostgresServer? _server;

    private DurablePostgres(PostgresServer? server, string adminConnectionString)
    {
        _server = server;
        AdminConnectionString = adminConnectionString;
    }

    public string AdminConnectionString { get; }

    public string Settings { get; private set; } = string.Empty;

    public static async Task<DurablePostgres> StartAsync(string? external)
    {
        if (external is not null)
        {
            var outside = new DurablePostgres(null, external);
            outside.Settings = await ReadSettingsAsync(external);
            return outside;
        }

        var server = await PostgresServer.StartLocalAsync();
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            foreach (var sql in new[] { "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on", "ALTER SYSTEM SET full_page_writes = on", "SELECT pg_reload_conf()" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync();
            }
        }

        // The postmaster applies the reload asynchronously; new sessions see it once it has.
        var owned = new DurablePostgres(server, server.ConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            owned.Settings = await ReadSettingsAsync(server.ConnectionString);
            if (owned.Settings.Contains("fsync=on", StringComparison.Ordinal) && owned.Settings.Contains("synchronous_commit=on", StringComparison.Ordinal)
                && owned.Settings.Contains("full_page_writes=on", StringComparison.Ordinal))
            {
                return owned;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"PostgreSQL did not switch to durable settings: {owned.Settings}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>A fresh, migrated database.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        string connectionString;
        if (_server is not null)
        {
            connectionString = await _server.CreateDatabaseAsync(prefix);
        }
        else
        {
            var name = $"{prefix}_{Guid.NewGuid():N}"[..30];
            await using (var connection = new NpgsqlConnection(AdminConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
        }

        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        return connectionString;
    }

    public string Describe() => $"PostgreSQL {(_server is null ? "external" : "throwaway, local binaries")}, {Settings}";

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static async Task<string> ReadSettingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT split_part(version(), ' ', 2) || ': fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')
                || ', full_page_writes=' || current_setting('full_page_writes') || ', shared_buffers=' || current_setting('shared_buffers')
            """, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
