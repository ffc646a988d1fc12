using Npgsql;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests.Support;

/// <summary>A fresh, migrated database and direct SQL for assertions (as the superuser unless said otherwise).</summary>
internal sealed class LedgerDatabase(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public static async Task<LedgerDatabase> CreateAsync(PostgresFixture postgres, bool migrate = true)
    {
        var connectionString = await postgres.CreateDatabaseAsync("ledger");
        if (migrate)
        {
            await MigrateAsync(connectionString);
        }

        return new LedgerDatabase(connectionString);
    }

    public static Task MigrateAsync(string connectionString) =>
        new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();

    public async Task<T> ScalarAsync<T>(string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, null, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }

    public async Task<int> ExecuteAsync(string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, null, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query the way the API does: role wayfarer_request, wayfarer.user_id set to the user.</summary>
    public async Task<T> ScalarAsUserAsync<T>(string userId, string sql, params object?[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setRole = Command(connection, transaction, "SET LOCAL ROLE wayfarer_request"))
        {
            await setRole.ExecuteNonQueryAsync();
        }

        await using (var setUser = Command(connection, transaction, "SELECT set_config('wayfarer.user_id', $1, true)", userId))
        {
            await setUser.ExecuteNonQueryAsync();
        }

        await using var command = Command(connection, transaction, sql, parameters);
        var value = (T)(await command.ExecuteScalarAsync())!;
        await transaction.CommitAsync();
        return value;
    }

    /// <summary>Polls <paramref name="sql"/> (a count) until it reaches <paramref name="expected"/> or the deadline passes.</summary>
    public async Task<long> WaitForCountAsync(long expected, TimeSpan timeout, string sql, params object?[] parameters)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (true)
        {
            var count = await ScalarAsync<long>(sql, parameters);
            if (count >= expected || DateTime.UtcNow > deadline)
            {
                return count;
            }

            await timer.WaitForNextTickAsync();
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }
}
