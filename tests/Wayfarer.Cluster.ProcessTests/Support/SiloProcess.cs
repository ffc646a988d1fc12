using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>The built <c>Wayfarer.Silo</c> running as a child process on free loopback ports, joined to a Redis cluster,
/// with its stdout and stderr captured to a log file.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(90);
    private static readonly HttpClient s_http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private static readonly HashSet<SiloProcess> s_live = [];

    static SiloProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillLeftovers();

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();

    private SiloProcess(Process process, string name, string logPath, int httpPort, int clusterPort, StreamWriter log)
    {
        _process = process;
        Name = name;
        LogPath = logPath;
        HttpPort = httpPort;
        ClusterPort = clusterPort;
        _log = log;
    }

    /// <summary>A name for messages, such as <c>silo-2</c>.</summary>
    public string Name { get; }

    /// <summary>Where stdout and stderr go.</summary>
    public string LogPath { get; }

    /// <summary>The management HTTP port (health, status, metrics).</summary>
    public int HttpPort { get; }

    /// <summary>The cluster transport port.</summary>
    public int ClusterPort { get; }

    /// <summary>The process id.</summary>
    public int Pid => _process.Id;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts a silo and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<SiloProcess> StartAsync(SiloSettings settings, string name, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var silo = Launch(settings, name);
            try
            {
                await silo.WaitReadyAsync(ct);
                return silo;
            }
            catch (SiloProcessException) when (attempt < 3 && silo.HasExited && silo.Tail(200).Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took a port between our probe and the silo's bind: try fresh ports.
                await silo.DisposeAsync();
            }
            catch
            {
                await silo.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL, as a crash; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>SIGTERM (graceful shutdown: drain, deactivate, leave the cluster) and waits for the exit.</summary>
    /// <exception cref="SiloProcessException">The silo did not exit within <paramref name="timeout"/> (then it is killed).</exception>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = SendSignal(_process.Id, SigTerm);
        var limit = timeout ?? TimeSpan.FromSeconds(120);
        try
        {
            await WaitForExitAsync(limit);
        }
        catch (SiloProcessException)
        {
            _process.Kill();
            throw;
        }
    }

    /// <summary>GET on the management port; the body, or null when the silo does not answer 200.</summary>
    public async Task<string?> GetAsync(string path, CancellationToken ct = default)
    {
        try
        {
            using var response = await s_http.GetAsync(new Uri($"http://127.0.0.1:{HttpPort}{path}"), ct);
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync(ct) : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The number of active <c>demo-counter</c> grains from <c>/silo/status</c>, retried for up to 30 s while the
    /// silo does not answer.</summary>
    /// <exception cref="SiloProcessException">The silo did not answer.</exception>
    public async Task<int> CounterActivationsAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await GetAsync("/silo/status") is { } status)
            {
                using var json = System.Text.Json.JsonDocument.Parse(status);
                return json.RootElement.GetProperty("activationsByType").TryGetProperty("demo-counter", out var n) ? n.GetInt32() : 0;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(30) || _process.HasExited)
            {
                throw new SiloProcessException($"{this} did not answer /silo/status within 30s.\n{Tail()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The last lines of the silo's log.</summary>
    public string Tail(int lines = 40)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
        }
        catch (IOException)
        {
            return $"(no log at {LogPath})";
        }
    }

    /// <summary>Kills the process if it still runs; keeps the log file.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (SiloProcessException)
        {
            // Best effort: the process is gone or will be reaped with the test host.
        }

        lock (_logLock)
        {
            _log.Dispose();
        }

        lock (s_live)
        {
            s_live.Remove(this);
        }

        _process.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (pid {_process.Id}, http {HttpPort}, cluster {ClusterPort})";

    private static SiloProcess Launch(SiloSettings settings, string name)
    {
        var httpPort = FreePort();
        var clusterPort = FreePort();
        var logPath = Path.Combine(settings.LogDirectory, $"{name}-{DateTime.UtcNow:HHmmss.fff}.log");
        var psi = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(SiloBinary.Path)!,
        };
        psi.ArgumentList.Add(SiloBinary.Path);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}"));
        var env = psi.Environment;
        env["ConnectionStrings__Postgres"] = settings.PostgresConnectionString;
        env["ConnectionStrings__Redis"] = settings.RedisConnectionString;
        env["Wayfarer__Storage__ApplyMigrations"] = "true";
        env["Wayfarer__Endpoint__Port"] = clusterPort.ToString(CultureInfo.InvariantCulture);
        env["Wayfarer__Cluster__ServiceId"] = settings.ServiceId;
        env["Wayfarer__Cluster__ClusterId"] = settings.ClusterId;
        env["Wayfarer__Silo__DemoEndpoints"] = "true";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings.ExtraEnvironment)
        {
            env[key] = value;
        }

        var log = new StreamWriter(new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete)) { AutoFlush = false };
        var process = new Process { StartInfo = psi };
        var silo = new SiloProcess(process, name, logPath, httpPort, clusterPort, log);
        lock (s_live)
        {
            s_live.Add(silo);
        }

        process.OutputDataReceived += (_, e) => silo.Append(e.Data);
        process.ErrorDataReceived += (_, e) => silo.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return silo;
    }

    /// <summary>A test host that exits without disposing its silos (a failed or aborted run) takes them along.</summary>
    private static void KillLeftovers()
    {
        lock (s_live)
        {
            foreach (var silo in s_live)
            {
                try
                {
                    silo._process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
            }
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
                _log.Flush();
            }
        }
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < s_readyTimeout)
        {
            if (_process.HasExited)
            {
                throw new SiloProcessException($"{this} exited with code {_process.ExitCode} before it was ready.\n{Tail()}");
            }

            if (await GetAsync("/health/ready", ct) is not null)
            {
                return;
            }

            await Task.Delay(100, ct);
        }

        throw new SiloProcessException($"{this} was not ready within {s_readyTimeout.TotalSeconds:0}s.\n{Tail()}");
    }

    private async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new SiloProcessException($"{this} did not exit within {timeout.TotalSeconds:0}s.\n{Tail()}");
        }
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
