using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Wayfarer.Bench;

/// <summary>The PostgreSQL the <c>storage</c> benchmark writes to: a throwaway server started from the local binaries
/// with DURABLE settings (fsync, synchronous_commit and full_page_writes on), or an external one from <c>--pg</c>.</summary>
/// <remarks>tests/Wayfarer.Testing's PostgresServer hard-codes fsync/synchronous_commit/full_page_writes off for test
/// speed, so it is not reused here: a benchmark of persisted writes must pay for durable commits.</remarks>
internal sealed class BenchPostgres : IAsyncDisposable
{
    private const string DebianRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan s_toolTimeout = TimeSpan.FromSeconds(90);

    private readonly string? _bin;
    private readonly string? _dir;
    private bool _running;

    private BenchPostgres(string connectionString, string? bin, string? dir)
    {
        ConnectionString = connectionString;
        _bin = bin;
        _dir = dir;
    }

    public string ConnectionString { get; private set; }

    public bool IsOwned => _dir is not null;

    /// <summary>The postmaster pid of an owned server (for CPU accounting), else null.</summary>
    public int? PostmasterPid { get; private set; }

    public static async Task<BenchPostgres> StartAsync(string? external, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new BenchPostgres(external, null, null);
            await using var connection = new NpgsqlConnection(external);
            await connection.OpenAsync(cancellationToken);
            return server;
        }

        var bin = FindBinDirectory();
        var dir = Path.Combine(Path.GetTempPath(), $"wayfarer-bench-pg-{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("starting PostgreSQL is supported on Linux only; pass --pg \"<connection string>\"");
        }

        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var owned = new BenchPostgres(string.Empty, bin, dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => owned.StopSync();
        try
        {
            owned.ConnectionString = await owned.InitAndStartAsync(password, cancellationToken);
            return owned;
        }
        catch
        {
            await owned.StopAsync();
            throw;
        }
    }

    /// <summary>The server's durability-relevant settings and version, as a Markdown table.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT name, setting || COALESCE(' ' || unit, '') FROM pg_settings
            WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'commit_delay', 'wal_level',
                           'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'max_connections', 'wal_buffers')
            ORDER BY name
            """, connection);
        var table = new MarkdownTable("PostgreSQL setting ", "Value ");
        table.Row("server", (await new NpgsqlCommand("SHOW server_version", connection).ExecuteScalarAsync(cancellationToken))?.ToString());
        table.Row("started by", IsOwned ? "the bench (initdb + pg_ctl, throwaway data dir under /tmp)" : "external (`--pg`)");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            table.Row(reader.GetString(0), reader.GetString(1));
        }

        return table.ToString();
    }

    /// <summary>CPU time used so far by the postmaster and its children (owned server on Linux only).</summary>
    public TimeSpan? ServerCpu()
    {
        if (PostmasterPid is not { } root || !OperatingSystem.IsLinux())
        {
            return null;
        }

        var ticksPerSecond = 100.0; // USER_HZ on Linux
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == root || parent == root)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // The process went away meanwhile.
            }
        }

        return TimeSpan.FromSeconds(ticks / ticksPerSecond);
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<string> InitAndStartAsync(string password, CancellationToken cancellationToken)
    {
        var data = Path.Combine(_dir!, "data");
        var run = Path.Combine(_dir!, "run");
        Directory.CreateDirectory(run);
        var pwfile = Path.Combine(_dir!, "pwfile");
        await File.WriteAllTextAsync(pwfile, password + "\n", cancellationToken);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", _dir!], cancellationToken, asPostgres: false);
        }

        await RunAsync(Path.Combine(_bin!, "initdb"),
            ["-D", data, "-U", "postgres", "--pwfile", pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"],
            cancellationToken);
        File.Delete(pwfile);

        var port = FreePort();
        var settings = string.Create(CultureInfo.InvariantCulture, $"""

            # Wayfarer.Bench: a throwaway server with PostgreSQL's DURABLE defaults stated explicitly.
            port = {port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{run}'
            max_connections = 300
            fsync = on
            synchronous_commit = on
            full_page_writes = on
            """);
        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), settings, cancellationToken);
        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["start", "-D", data, "-l", Path.Combine(_dir!, "postgres.log"), "-w", "-t", "60"], cancellationToken);
        _running = true;
        var pidLine = (await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid"), cancellationToken))[0];
        PostmasterPid = int.Parse(pidLine.Trim(), CultureInfo.InvariantCulture);

        var admin = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Database = "postgres",
            Username = "postgres",
            Password = password,
        };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand("CREATE DATABASE wayfarer_bench", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        admin.Database = "wayfarer_bench";
        return admin.ConnectionString;
    }

    private async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_dir is null)
        {
            return;
        }

        if (_running)
        {
            _running = false;
            try
            {
                await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["stop", "-D", Path.Combine(_dir, "data"), "-m", "fast", "-w", "-t", "30"], CancellationToken.None);
            }
            catch (InvalidOperationException ex)
            {
                Console.Error.WriteLine($"warning: {ex.Message}");
            }
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"warning: could not delete {_dir}: {ex.Message}");
        }
    }

    /// <summary>Last-chance stop when the process exits without disposing (e.g. an unhandled exception).</summary>
    private void StopSync()
    {
        if (_running || (_dir is not null && Directory.Exists(_dir)))
        {
            StopAsync().GetAwaiter().GetResult();
        }
    }

    private static async Task RunAsync(string tool, IReadOnlyList<string> args, CancellationToken cancellationToken, bool asPostgres = true)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        if (asPostgres && IsRoot)
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", tool])
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = tool;
        }

        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_toolTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(tool)} {string.Join(' ', args)} failed (exit {process.ExitCode}): {await stdout}{await stderr}");
        }
    }

    private static string FindBinDirectory()
    {
        var best = (Directory.Exists(DebianRoot) ? Directory.GetDirectories(DebianRoot) : [])
            .Select(dir => (dir, ok: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var major), major))
            .Where(c => c.ok && File.Exists(Path.Combine(c.dir, "bin", "initdb")) && File.Exists(Path.Combine(c.dir, "bin", "pg_ctl")))
            .OrderByDescending(c => c.major)
            .Select(c => Path.Combine(c.dir, "bin"))
            .FirstOrDefault();
        return best ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries were not found ({DebianRoot}/*/bin/initdb): install the 'postgresql' package (./test.sh does) or pass --pg \"<connection string>\".");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // Environment.UserName is the effective user's name on Unix (getpwuid(geteuid())).
    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";
}
