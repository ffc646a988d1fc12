using Npgsql;

namespace Wayfarer.Client.Tests;

/// <summary>Direct database reads for assertions (as the superuser, bypassing row-level security).</summary>
internal static class Sql
{
    public static async Task<T> ScalarAsync<T>(WayfarerApp app, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(app.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}
