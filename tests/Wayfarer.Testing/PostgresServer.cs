using System.Security.Cryptography;
using Npgsql;

namespace Wayfarer.Testing;

/// <summary>
/// A real, throwaway PostgreSQL server for integration tests: its own data directory under the temp folder,
/// a free loopback port and a password role, tuned for speed (fsync, synchronous_commit and full_page_writes off).
/// </summary>
/// <remarks>
/// <para>Tests isolate themselves with <see cref="CreateDatabaseAsync"/> rather than by starting servers; most
/// tests should use the process-wide server of <see cref="SharedServers.GetPostgresAsync"/> (or
/// <see cref="PostgresFixture"/>). Start a server of your own with <see cref="StartLocalAsync"/> only to stop
/// and restart it.</para>
/// <para>When the environment variable <c>WAYFARER_TEST_PG</c> holds a connection string, <see cref="StartAsync"/>
/// starts nothing and uses that server; its role must be able to create databases.</para>
/// <para>With <c>synchronous_commit = off</c> an immediate stop can lose the commits of the last few hundred
/// milliseconds; a test that must see a write survive <c>StopAsync(immediate: true)</c> runs
/// <c>SET synchronous_commit = on</c> in that session first.</para>
/// </remarks>
public sealed partial class PostgresServer : IAsyncDisposable
{
    /// <summary>Environment variable naming an existing server to use instead of starting one.</summary>
    public const string EnvironmentOverride = "WAYFARER_TEST_PG";

    private const string CreateExtensionsSql =
        "SET client_min_messages = warning; CREATE EXTENSION IF NOT EXISTS pgcrypto; CREATE EXTENSION IF NOT EXISTS pg_trgm;";

    private readonly HashSet<string> _issued = [];

    private PostgresServer(string connectionString)
    {
        ConnectionString = connectionString;
        IsExternal = true;
        Port = new NpgsqlConnectionStringBuilder(connectionString).Port;
        _issued.Add(connectionString);
    }

    /// <summary>
    /// Connection string of a superuser in database <c>postgres</c> (Host=127.0.0.1, pooling on); it may
    /// CREATE DATABASE and CREATE ROLE.
    /// </summary>
    public string ConnectionString { get; private set; }

    /// <summary>The TCP port the server listens on (kept across <see cref="StopAsync"/>/<see cref="StartAgainAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The postmaster's process id while this instance runs it; null for an external server or when stopped.</summary>
    public int? Pid => IsExternal || !IsRunning ? null : _pid;

    /// <summary>True when the server came from <c>WAYFARER_TEST_PG</c>: nothing was started and nothing will be stopped.</summary>
    public bool IsExternal { get; }

    /// <summary>True while the server is believed to be up (always true for an external server).</summary>
    public bool IsRunning { get; private set; } = true;

    internal bool IsShared { get; set; }

    /// <summary>
    /// Starts a throwaway server from the local binaries, or wraps the server named by <c>WAYFARER_TEST_PG</c>.
    /// </summary>
    /// <exception cref="TestServerException">Binaries missing (run ./test.sh), or the server did not become ready.</exception>
    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentOverride);
        if (string.IsNullOrWhiteSpace(external))
        {
            return await StartLocalAsync(ct).ConfigureAwait(false);
        }

        var server = new PostgresServer(external);
        try
        {
            await server.QueryScalarAsync(external, "select 1", ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            throw new TestServerException($"{EnvironmentOverride} is set, but that server does not answer: {ex.Message}", inner: ex);
        }

        return server;
    }

    /// <summary>Always starts a server of its own from the local binaries (ignores <c>WAYFARER_TEST_PG</c>); for restart tests.</summary>
    public static async Task<PostgresServer> StartLocalAsync(CancellationToken ct = default)
    {
        var server = new PostgresServer(PostgresBinaries.FindBinDirectory(), ServerDirectory.Create("pg"));
        try
        {
            await server.InitAndStartAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Destroy();
            throw;
        }
    }

    /// <summary>
    /// Creates a fresh, uniquely named database (with extensions pgcrypto and pg_trgm) and returns a connection
    /// string for it with the same credentials as <see cref="ConnectionString"/>.
    /// </summary>
    /// <param name="prefix">Start of the database name; lowercased, and characters other than a-z, 0-9 and _ are dropped.</param>
    /// <param name="ct">Cancels the creation.</param>
    public async Task<string> CreateDatabaseAsync(string prefix = "t", CancellationToken ct = default)
    {
        var name = $"{Sanitize(prefix)}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(ConnectionString, $"CREATE DATABASE \"{name}\"", ct).ConfigureAwait(false);
                break;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 5)
            {
                // "source database template1 is being accessed by other users": someone else's session; retry.
                await Task.Delay(100 * attempt, ct).ConfigureAwait(false);
            }
        }

        var connectionString = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
        lock (_issued)
        {
            _issued.Add(connectionString);
        }

        await ExecuteAsync(connectionString, CreateExtensionsSql, ct).ConfigureAwait(false);
        return connectionString;
    }

    /// <summary>Stops the server (mode fast, or immediate: a crash as far as PostgreSQL can tell) keeping its data and port.</summary>
    public Task StopAsync(bool immediate = false, CancellationToken ct = default)
    {
        EnsureControllable(nameof(StopAsync));
        return StopCoreAsync(immediate, ct);
    }

    /// <summary>Starts the server again on the same data directory and port after <see cref="StopAsync"/>.</summary>
    /// <exception cref="TestServerException">The port was taken meanwhile, or the server did not become ready.</exception>
    public Task StartAgainAsync(CancellationToken ct = default)
    {
        EnsureControllable(nameof(StartAgainAsync));
        if (IsRunning)
        {
            throw new InvalidOperationException("the server is running; call StopAsync first");
        }

        return StartAgainCoreAsync(ct);
    }

    /// <summary>Stops the server (pg_ctl stop -m immediate, then a kill by pid if needed) and deletes its directory.</summary>
    public async ValueTask DisposeAsync()
    {
        ClearPools();
        if (!IsExternal && !IsShared)
        {
            await DisposeLocalAsync().ConfigureAwait(false);
        }
    }

    internal async Task<object?> QueryScalarAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    private static string Sanitize(string prefix)
    {
        var kept = new string([.. (prefix ?? string.Empty).ToLowerInvariant().Where(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_')]);
        kept = kept.Length > 40 ? kept[..40] : kept;
        return kept.Length == 0 || char.IsDigit(kept[0]) ? "t" + kept : kept;
    }

    private void EnsureControllable(string operation)
    {
        if (IsExternal)
        {
            throw new InvalidOperationException($"{operation} is not possible on the external server of {EnvironmentOverride}; use StartLocalAsync for tests that stop servers");
        }

        if (IsShared)
        {
            throw new InvalidOperationException($"{operation} is not allowed on the process-wide shared server; use PostgresServer.StartLocalAsync for tests that stop servers");
        }
    }

    /// <summary>Drops pooled connections to this server, which a stop has broken.</summary>
    private void ClearPools()
    {
        string[] issued;
        lock (_issued)
        {
            issued = [.. _issued];
        }

        foreach (var cs in issued)
        {
            using var connection = new NpgsqlConnection(cs);
            NpgsqlConnection.ClearPool(connection);
        }
    }

}
