using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace Wayfarer.Testing;

/// <summary>The server process this instance started itself: initdb, pg_ctl start/stop, readiness.</summary>
public sealed partial class PostgresServer : IOwnedServer
{
    private const int PortAttempts = 5;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    private readonly string _binDirectory = string.Empty;
    private readonly ServerDirectory? _directory;
    private readonly string _password = string.Empty;
    private int _pid;

    private PostgresServer(string binDirectory, ServerDirectory directory)
    {
        _binDirectory = binDirectory;
        _directory = directory;
        _password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        ConnectionString = string.Empty;
        IsRunning = false;
        ServerRegistry.Register(this);
    }

    private ServerDirectory Dir => _directory ?? throw new InvalidOperationException("not a local server");

    private string DataDirectory => Dir.PathOf("data");

    private string LogFile => Dir.PathOf("postgres.log");

    private async Task InitAndStartAsync(CancellationToken ct)
    {
        StaleServerReaper.ReapOnce();
        Directory.CreateDirectory(Dir.PathOf("run"));
        var passwordFile = Dir.PathOf("pwfile");
        await File.WriteAllTextAsync(passwordFile, _password + "\n", ct).ConfigureAwait(false);
        if (NativeMethods.IsRoot)
        {
            await Dir.ChownToPostgresAsync(ct).ConfigureAwait(false);
        }

        var init = await RunToolAsync(
            "initdb",
            ["-D", DataDirectory, "-U", "postgres", "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256",
             "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"],
            s_startTimeout, ct).ConfigureAwait(false);
        File.Delete(passwordFile);
        if (init.ExitCode != 0)
        {
            throw new TestServerException($"initdb failed (exit {init.ExitCode}) in {DataDirectory}", init.Output);
        }

        await File.AppendAllTextAsync(
            Path.Combine(DataDirectory, "postgresql.conf"),
            $"\ninclude = '{Dir.PathOf("wayfarer.conf")}'\n", ct).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            await WriteSettingsAsync(ct).ConfigureAwait(false);
            var start = await PgCtlStartAsync(ct).ConfigureAwait(false);
            if (start.ExitCode == 0)
            {
                break;
            }

            var log = LogTail.OfFile(LogFile);
            if (attempt < PortAttempts && IsAddressInUse(log))
            {
                continue;
            }

            throw new TestServerException($"PostgreSQL did not start on port {Port} (pg_ctl exit {start.ExitCode}): {start.Output}", log);
        }

        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = "postgres",
            Username = "postgres",
            Password = _password,
            Pooling = true,
            MaxPoolSize = 50,
            // Every test database gets its own pool; close idle connections soon so that hundreds of
            // finished tests do not hold on to the server's max_connections.
            ConnectionIdleLifetime = 10,
            ConnectionPruningInterval = 2,
            IncludeErrorDetail = true,
        }.ConnectionString;
        _issued.Add(ConnectionString);
        await WaitUntilReadyAsync(ct).ConfigureAwait(false);

        // Databases are copied from template1: with the extensions there, CreateDatabaseAsync finds them installed.
        // Not pooled, because an open session on template1 makes CREATE DATABASE fail.
        var template = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "template1", Pooling = false }.ConnectionString;
        await ExecuteAsync(template, CreateExtensionsSql, ct).ConfigureAwait(false);
    }

    private Task WriteSettingsAsync(CancellationToken ct) =>
        File.WriteAllTextAsync(Dir.PathOf("wayfarer.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            port = {Port}
            listen_addresses = '127.0.0.1'
            unix_socket_directories = '{Dir.PathOf("run")}'
            max_connections = 300
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """), ct);

    private async Task StartAgainCoreAsync(CancellationToken ct)
    {
        if (FreePort.IsListening(Port))
        {
            throw new TestServerException($"cannot start PostgreSQL again: port {Port} was taken by another process meanwhile");
        }

        var start = await PgCtlStartAsync(ct).ConfigureAwait(false);
        if (start.ExitCode != 0)
        {
            throw new TestServerException($"PostgreSQL did not start again on port {Port} (pg_ctl exit {start.ExitCode}): {start.Output}", LogTail.OfFile(LogFile));
        }

        await WaitUntilReadyAsync(ct).ConfigureAwait(false);
    }

    private async Task<ProcessRunner.Result> PgCtlStartAsync(CancellationToken ct)
    {
        var result = await RunToolAsync(
            "pg_ctl",
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)s_startTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
            s_startTimeout + TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        _pid = ReadPostmasterPid() ?? 0;
        IsRunning = result.ExitCode == 0;
        if (!IsRunning && _pid != 0 && ProcessInfo.IsAlive(_pid))
        {
            // pg_ctl gave up waiting while the postmaster lives on: do not leave it behind.
            NativeMethods.Signal(_pid, NativeMethods.SigKill);
        }

        return result;
    }

    /// <summary>Polls with real queries until the server answers, the postmaster dies or the deadline passes.</summary>
    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        var deadline = DateTime.UtcNow + s_startTimeout;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                await QueryScalarAsync(probe, "select 1", ct).ConfigureAwait(false);
                IsRunning = true;
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or IOException)
            {
                last = ex;
            }

            if (_pid != 0 && !ProcessInfo.IsAlive(_pid))
            {
                throw new TestServerException($"PostgreSQL (pid {_pid}, port {Port}) exited while starting", LogTail.OfFile(LogFile));
            }

            await Task.Delay(100, ct).ConfigureAwait(false);
        }

        throw new TestServerException(
            $"PostgreSQL on port {Port} did not accept a query within {s_startTimeout.TotalSeconds:0}s; last error: {last?.Message}",
            LogTail.OfFile(LogFile));
    }

    private async Task StopCoreAsync(bool immediate, CancellationToken ct)
    {
        ClearPools();
        if (!IsRunning)
        {
            return;
        }

        await RunToolAsync(
            "pg_ctl",
            ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", ((int)s_stopTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
            s_stopTimeout + TimeSpan.FromSeconds(10), ct).ConfigureAwait(false);
        if (!await ProcessInfo.WaitForExitAsync(_pid, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false))
        {
            NativeMethods.Signal(_pid, NativeMethods.SigKill);
            if (!await ProcessInfo.WaitForExitAsync(_pid, TimeSpan.FromSeconds(5), ct).ConfigureAwait(false))
            {
                throw new TestServerException($"PostgreSQL (pid {_pid}) survived pg_ctl stop and SIGKILL", LogTail.OfFile(LogFile));
            }
        }

        IsRunning = false;
    }

    private async Task DisposeLocalAsync()
    {
        try
        {
            await StopCoreAsync(immediate: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            Destroy();
        }
    }

    void IOwnedServer.SignalStop()
    {
        var pid = _pid != 0 ? _pid : ReadPostmasterPid() ?? 0;
        if (pid != 0 && ProcessInfo.IsAlive(pid))
        {
            NativeMethods.Signal(pid, NativeMethods.SigQuit);
        }
    }

    void IOwnedServer.ScheduleDetachedCleanup()
    {
        IsRunning = false;
        if (_directory is not null)
        {
            DetachedCleanup.Start(_pid != 0 ? _pid : ReadPostmasterPid() ?? 0, _directory.Path);
        }
    }

    /// <summary>Stops the server at once by signal (no pg_ctl) and deletes its directory.</summary>
    private void Destroy()
    {
        ServerRegistry.Unregister(this);
        var pid = _pid != 0 ? _pid : ReadPostmasterPid() ?? 0;
        if (pid != 0 && ProcessInfo.IsAlive(pid))
        {
            // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends down with it.
            NativeMethods.Signal(pid, NativeMethods.SigQuit);
            if (!ProcessInfo.WaitForExit(pid, TimeSpan.FromSeconds(3)))
            {
                NativeMethods.Signal(pid, NativeMethods.SigKill);
                ProcessInfo.WaitForExit(pid, TimeSpan.FromSeconds(2));
            }
        }

        IsRunning = false;
        _directory?.Delete();
    }

    private int? ReadPostmasterPid()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private Task<ProcessRunner.Result> RunToolAsync(string tool, IEnumerable<string> args, TimeSpan timeout, CancellationToken ct)
    {
        var (fileName, fullArgs) = PostgresBinaries.Command(Path.Combine(_binDirectory, tool), args);
        return ProcessRunner.RunAsync(fileName, fullArgs, Dir.Path, timeout, ct);
    }

    private static bool IsAddressInUse(string log) =>
        log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
        || log.Contains("could not bind", StringComparison.OrdinalIgnoreCase)
        || log.Contains("could not create any TCP/IP sockets", StringComparison.OrdinalIgnoreCase);
}
