using Npgsql;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Builds the providers' connection pools with settings suited to their short, repeated statements.</summary>
internal static class PostgresConnections
{
    /// <summary>Creates a data source; unless the connection string says otherwise, statements are prepared automatically
    /// (the providers run a handful of statements millions of times, and planning dominated their server CPU) and the
    /// pool skips <c>DISCARD ALL</c> on return (the providers never change session state).</summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var given = new HashSet<string>(
            connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split('=')[0].Replace(" ", string.Empty, StringComparison.Ordinal)),
            StringComparer.OrdinalIgnoreCase);
        if (!given.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 16;
        }

        if (!given.Contains("AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = 2;
        }

        if (!given.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
