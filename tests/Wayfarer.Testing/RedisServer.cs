using System.Globalization;
using System.Net.Sockets;
using System.Text;
using StackExchange.Redis;

namespace Wayfarer.Testing;

/// <summary>
/// A real, throwaway Redis server for integration tests: <c>redis-server</c> as a child process on a free loopback
/// port, without persistence (<c>--save "" --appendonly no</c>), in its own temp folder.
/// </summary>
/// <remarks>
/// <para>Most tests use the process-wide server of <see cref="SharedServers.GetRedisAsync"/> (or <see cref="RedisFixture"/>)
/// and isolate themselves with a unique key prefix. Start one of your own with <see cref="StartLocalAsync"/> to
/// kill or restart it.</para>
/// <para>When the environment variable <c>WAYFARER_TEST_REDIS</c> holds <c>host:port</c>, <see cref="StartAsync"/>
/// starts nothing and uses that server.</para>
/// </remarks>
public sealed partial class RedisServer : IAsyncDisposable
{
    /// <summary>Environment variable naming an existing server (<c>host:port</c>) to use instead of starting one.</summary>
    public const string EnvironmentOverride = "WAYFARER_TEST_REDIS";

    internal const string PidFileName = "server.pid";

    private RedisServer(string host, int port, bool isExternal)
    {
        Host = host;
        Port = port;
        IsExternal = isExternal;
    }

    /// <summary>StackExchange.Redis configuration string: <c>127.0.0.1:port</c> (or the override as given).</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");

    /// <summary>The TCP port the server listens on (kept across <see cref="RestartEmptyAsync"/>).</summary>
    public int Port { get; private set; }

    /// <summary>The redis-server process id while this instance runs it; null for an external server or when killed.</summary>
    public int? Pid => IsExternal || _process is null ? null : _pid;

    /// <summary>True when the server came from <c>WAYFARER_TEST_REDIS</c>: nothing was started and nothing will be stopped.</summary>
    public bool IsExternal { get; }

    internal bool IsShared { get; set; }

    private string Host { get; }

    /// <summary>Starts a throwaway server from the local binary, or wraps the server named by <c>WAYFARER_TEST_REDIS</c>.</summary>
    /// <exception cref="TestServerException">redis-server missing (run ./test.sh), or the server did not answer PING.</exception>
    public static async Task<RedisServer> StartAsync(CancellationToken ct = default)
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentOverride);
        if (string.IsNullOrWhiteSpace(external))
        {
            return await StartLocalAsync(ct).ConfigureAwait(false);
        }

        var colon = external.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(external.AsSpan(colon + 1), CultureInfo.InvariantCulture, out var port))
        {
            throw new TestServerException($"{EnvironmentOverride} must be host:port, got '{external}'");
        }

        var server = new RedisServer(external[..colon], port, isExternal: true);
        if (!await PingAsync(server.Host, port, ct).ConfigureAwait(false))
        {
            throw new TestServerException($"{EnvironmentOverride} is set, but {external} does not answer PING");
        }

        return server;
    }

    /// <summary>Always starts a server of its own (ignores <c>WAYFARER_TEST_REDIS</c>); for kill and restart tests.</summary>
    public static async Task<RedisServer> StartLocalAsync(CancellationToken ct = default)
    {
        var server = new RedisServer(FindRedisServer(), ServerDirectory.Create("redis"));
        try
        {
            StaleServerReaper.ReapOnce();
            await server.StartOnFreePortAsync(ct).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Destroy();
            throw;
        }
    }

    /// <summary>
    /// Connects a StackExchange.Redis multiplexer (admin commands allowed, so tests may FLUSHDB); the caller disposes it.
    /// </summary>
    public Task<ConnectionMultiplexer> ConnectAsync()
    {
        var options = ConfigurationOptions.Parse(ConnectionString);
        options.AllowAdmin = true;
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>Kills the server with SIGKILL, as a crash would; its port stays reserved for <see cref="RestartEmptyAsync"/>.</summary>
    public Task KillAsync()
    {
        EnsureControllable(nameof(KillAsync));
        return KillCoreAsync();
    }

    /// <summary>Kills the server if it runs and starts a new, empty one on the same port.</summary>
    /// <exception cref="TestServerException">The port stayed taken, or the new server did not answer PING.</exception>
    public async Task RestartEmptyAsync(CancellationToken ct = default)
    {
        EnsureControllable(nameof(RestartEmptyAsync));
        await KillCoreAsync().ConfigureAwait(false);
        foreach (var file in Directory.GetFiles(Dir.Path).Where(f => !Path.GetFileName(f).Equals(ServerDirectory.OwnerFile, StringComparison.Ordinal)))
        {
            File.Delete(file);
        }

        await StartOnPortAsync(Port, ct).ConfigureAwait(false);
    }

    /// <summary>Kills the server and deletes its folder; does nothing for an external or shared server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsExternal || IsShared)
        {
            return;
        }

        try
        {
            await KillCoreAsync().ConfigureAwait(false);
        }
        finally
        {
            Destroy();
        }
    }

    /// <summary>Sends PING over a fresh connection; true on +PONG.</summary>
    internal static async Task<bool> PingAsync(string host, int port, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = 0;
            while (read < buffer.Length && Array.IndexOf(buffer, (byte)'\n', 0, read) < 0)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void EnsureControllable(string operation)
    {
        if (IsExternal)
        {
            throw new InvalidOperationException($"{operation} is not possible on the external server of {EnvironmentOverride}; use StartLocalAsync for tests that kill servers");
        }

        if (IsShared)
        {
            throw new InvalidOperationException($"{operation} is not allowed on the process-wide shared server; use RedisServer.StartLocalAsync for tests that kill servers");
        }
    }
}
