using System.Diagnostics;
using System.Globalization;

namespace Wayfarer.Testing;

/// <summary>The redis-server child process this instance started itself.</summary>
public sealed partial class RedisServer : IOwnedServer
{
    private const int PortAttempts = 5;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);

    private readonly string _executable = string.Empty;
    private readonly ServerDirectory? _directory;
    private Process? _process;
    private int _pid;

    private RedisServer(string executable, ServerDirectory directory)
    {
        _executable = executable;
        _directory = directory;
        Host = "127.0.0.1";
        ServerRegistry.Register(this);
    }

    private ServerDirectory Dir => _directory ?? throw new InvalidOperationException("not a local server");

    private string LogFile => Dir.PathOf("redis.log");

    private static string FindRedisServer()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/local/bin", "/usr/sbin"])
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists)
            ?? throw new TestServerException(
                "redis-server was not found on PATH. Run ./test.sh from the repository root once (it installs the " +
                "'postgresql' and 'redis-server' packages), or set WAYFARER_TEST_REDIS to host:port of a running server.");
    }

    private async Task StartOnFreePortAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort.Next();
            try
            {
                await StartOnPortAsync(Port, ct).ConfigureAwait(false);
                return;
            }
            catch (TestServerException ex) when (attempt < PortAttempts && IsAddressInUse(ex.LogTail))
            {
                // Another process took the port between our probe and redis' bind: pick another.
            }
        }
    }

    private async Task StartOnPortAsync(int port, CancellationToken ct)
    {
        var psi = new ProcessStartInfo(_executable)
        {
            WorkingDirectory = Dir.Path,
            UseShellExecute = false,
            // Redirected (and drained) so redis never holds the test host's stdout open after it exits.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty,
            "--appendonly", "no", "--dir", Dir.Path, "--daemonize", "no", "--logfile", LogFile,
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        _pid = process.Id;
        await File.WriteAllTextAsync(Dir.PathOf(PidFileName), string.Create(CultureInfo.InvariantCulture, $"{_pid}\n"), ct).ConfigureAwait(false);

        var deadline = DateTime.UtcNow + s_startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await PingAsync(Host, port, ct).ConfigureAwait(false))
            {
                return;
            }

            if (process.HasExited)
            {
                _process = null;
                var log = LogTail.OfFile(LogFile);
                process.Dispose();
                throw new TestServerException($"redis-server exited with code {process.ExitCode} while starting on port {port}", log);
            }

            await Task.Delay(50, ct).ConfigureAwait(false);
        }

        await KillCoreAsync().ConfigureAwait(false);
        throw new TestServerException($"redis-server on port {port} did not answer PING within {s_startTimeout.TotalSeconds:0}s", LogTail.OfFile(LogFile));
    }

    private async Task KillCoreAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        using (process)
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    void IOwnedServer.SignalStop()
    {
        if (_process is not null)
        {
            NativeMethods.Signal(_pid, NativeMethods.SigKill);
        }
    }

    void IOwnedServer.ScheduleDetachedCleanup()
    {
        if (_directory is not null)
        {
            DetachedCleanup.Start(_process is not null ? _pid : 0, _directory.Path);
        }

        _process = null;
    }

    private void Destroy()
    {
        ServerRegistry.Unregister(this);
        var process = _process;
        _process = null;
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill();
                    process.WaitForExit(2000);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
        }

        _directory?.Delete();
    }

    private static bool IsAddressInUse(string? log) =>
        log is not null && log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase);
}
