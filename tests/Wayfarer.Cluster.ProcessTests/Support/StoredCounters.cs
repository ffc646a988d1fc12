using Npgsql;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>Reads the demo counters' persisted values straight from PostgreSQL.</summary>
public static class StoredCounters
{
    /// <summary>Key to stored value of every <c>demo-counter</c> grain of <paramref name="serviceId"/>.</summary>
    public static async Task<Dictionary<string, long>> ReadAsync(string connectionString, string serviceId)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT grain_key, (payload->>'value')::bigint FROM grain_state " +
            "WHERE service_id = $1 AND grain_type = 'demo-counter' AND state_name = 'counter' AND payload IS NOT NULL",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values[reader.GetString(0)] = reader.IsDBNull(1) ? 0 : reader.GetInt64(1);
        }

        return values;
    }
}
