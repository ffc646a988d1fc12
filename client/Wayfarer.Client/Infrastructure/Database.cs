using Microsoft.Extensions.Options;
using Npgsql;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Client.Infrastructure;

/// <summary>PostgreSQL access for the API. <see cref="AsUserAsync{T}"/> runs a query under the request role with row-level
/// security keyed by the user; <see cref="AsServiceAsync{T}"/> runs system queries (login lookup, tokens, erasure).</summary>
internal sealed class Database(NpgsqlDataSource dataSource, IOptions<ClusterOptions> cluster)
{
    public const string RequestRole = "wayfarer_request";

    /// <summary>The service id grain state is stored under.</summary>
    public string ServiceId { get; } = cluster.Value.ServiceId;

    public async Task<T> AsUserAsync<T>(string userId, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL ROLE {RequestRole}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT set_config('wayfarer.user_id', $1, true)") { Parameters = { new NpgsqlParameter { Value = userId } } });
            await batch.ExecuteNonQueryAsync(ct);
        }

        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public async Task<T> AsServiceAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(ct);
        return result;
    }

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, params object?[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter ?? DBNull.Value });
        }

        return command;
    }

    public static async Task<List<string>> ReadStringsAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
