using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Transport;

/// <summary>The silo's side of the cluster transport: a listener (Kestrel's socket transport, System.IO.Pipelines) that
/// accepts silos and clients, and one outbound connection per peer silo, made on first use and shared by all calls.</summary>
internal sealed class ClusterTransport : IAsyncDisposable
{
    private readonly ConcurrentDictionary<SiloAddress, Lazy<Task<ClusterConnection>>> _outbound = new();
    private readonly ConcurrentDictionary<ClusterConnection, byte> _inbound = new();
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly CancellationTokenSource _stopping = new();
    private IConnectionListener? _listener;
    private Task? _acceptLoop;

    public ClusterTransport(ILoggerFactory loggerFactory, SiloAddress localSilo, IPEndPoint listenEndpoint, string serviceId, string clusterId)
    {
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("Wayfarer.Runtime.Transport");
        LocalSilo = localSilo;
        ListenEndpoint = listenEndpoint;
        ServiceId = serviceId;
        ClusterId = clusterId;
    }

    public SiloAddress LocalSilo { get; private set; }

    public IPEndPoint ListenEndpoint { get; private set; }

    public string ServiceId { get; }

    public string ClusterId { get; }

    /// <summary>Handles requests on every connection (set before <see cref="StartAsync"/>).</summary>
    public IFrameHandler? Handler { get; set; }

    /// <summary>Builds the handshake this silo answers with (it carries the grain type manifest for clients).</summary>
    public Func<Handshake>? ServerHandshake { get; set; }

    /// <summary>Connections accepted from clients (not silos), for gateway statistics.</summary>
    public int ClientConnectionCount => _inbound.Keys.Count(c => c.PeerState is null);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var factory = new SocketTransportFactory(Options.Create(new SocketTransportOptions { NoDelay = true }), _loggerFactory);
        _listener = await factory.BindAsync(ListenEndpoint, cancellationToken);
        if (_listener.EndPoint is IPEndPoint bound && ListenEndpoint.Port == 0)
        {
            ListenEndpoint = bound;
            LocalSilo = LocalSilo with { Port = bound.Port };
        }

        TransportLog.Listening(_logger, ListenEndpoint.ToString());
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            ConnectionContext? context;
            try
            {
                context = await _listener!.AcceptAsync(_stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (context is null)
            {
                return;
            }

            _ = Task.Run(() => AcceptAsync(context));
        }
    }

    private async Task AcceptAsync(ConnectionContext context)
    {
        var peer = context.RemoteEndPoint?.ToString() ?? "unknown";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            var (_, hello) = await HandshakeIO.ReadAsync(context.Transport.Input, timeout.Token);
            var reason = hello.Protocol != Handshake.CurrentProtocol ? $"protocol {hello.Protocol} is not {Handshake.CurrentProtocol}"
                : hello.ServiceId != ServiceId || hello.ClusterId != ClusterId ? $"cluster {hello.ServiceId}/{hello.ClusterId} is not {ServiceId}/{ClusterId}"
                : null;
            if (reason is not null)
            {
                TransportLog.HandshakeRejected(_logger, peer, reason);
                await HandshakeIO.WriteAsync(context.Transport.Output, FrameType.Reject, Own() with { Reason = reason }, timeout.Token);
                await context.DisposeAsync();
                return;
            }

            await HandshakeIO.WriteAsync(context.Transport.Output, FrameType.Handshake, ServerHandshake?.Invoke() ?? Own(), timeout.Token);
            var isSilo = hello.Role == "silo" && hello.Silo is not null;
            var connection = new ClusterConnection(context.Transport, Handler!, _logger, isSilo ? hello.Silo! : $"client {peer}", () => _ = context.DisposeAsync().AsTask())
            {
                PeerState = isSilo ? SiloAddress.Parse(hello.Silo!) : null,
            };
            _inbound[connection] = 0;
            _ = connection.Completion.ContinueWith(_ => _inbound.TryRemove(connection, out byte _), TaskScheduler.Default);
            TransportLog.ConnectionAccepted(_logger, connection.Peer);
            connection.Start();
        }
        catch (Exception exception) when (exception is InvalidDataException or OperationCanceledException or IOException or System.Text.Json.JsonException)
        {
            TransportLog.ConnectionFailed(_logger, exception, peer);
            await context.DisposeAsync();
        }
    }

    /// <summary>Gets (or makes) the connection to <paramref name="silo"/>.</summary>
    /// <exception cref="SiloUnavailableException">The silo cannot be reached, or a different incarnation answers.</exception>
    public async Task<ClusterConnection> GetConnectionAsync(SiloAddress silo)
    {
        while (true)
        {
            var lazy = _outbound.GetOrAdd(silo, s => new Lazy<Task<ClusterConnection>>(() => ConnectAsync(s)));
            ClusterConnection connection;
            try
            {
                connection = await lazy.Value;
            }
            catch (Exception)
            {
                _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<ClusterConnection>>>(silo, lazy));
                throw;
            }

            if (!connection.IsClosed)
            {
                return connection;
            }

            _outbound.TryRemove(new KeyValuePair<SiloAddress, Lazy<Task<ClusterConnection>>>(silo, lazy));
        }
    }

    /// <summary>The open outbound connection to <paramref name="silo"/>, if there is one.</summary>
    public ClusterConnection? FindConnection(SiloAddress silo)
        => _outbound.TryGetValue(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully && !lazy.Value.Result.IsClosed
            ? lazy.Value.Result
            : null;

    private async Task<ClusterConnection> ConnectAsync(SiloAddress silo)
    {
        var (pipe, _) = await SiloConnector.ConnectAsync(silo, Own(), _stopping.Token);
        var connection = new ClusterConnection(pipe, Handler!, _logger, silo.ToString()) { PeerState = silo };
        connection.Start();
        return connection;
    }

    /// <summary>Closes the connection to a silo (declared dead, or leaving), failing its pending calls at once.</summary>
    public async Task DisconnectAsync(SiloAddress silo)
    {
        if (_outbound.TryRemove(silo, out var lazy) && lazy.IsValueCreated && lazy.Value.IsCompletedSuccessfully)
        {
            await lazy.Value.Result.CloseAsync(new SiloUnavailableException($"Silo {silo} left the cluster."));
        }

        foreach (var connection in _inbound.Keys.Where(c => Equals(c.PeerState, silo)))
        {
            await connection.CloseAsync(new SiloUnavailableException($"Silo {silo} left the cluster."));
        }
    }

    /// <summary>Tells every connected client this silo is draining, so their new calls go to other gateways.</summary>
    public async Task SendGoAwayToClientsAsync()
    {
        foreach (var connection in _inbound.Keys.Where(c => c.PeerState is null))
        {
            try
            {
                await connection.SendAsync(FrameType.GoAway, []);
            }
            catch (SiloUnavailableException)
            {
                // That client is gone already.
            }
        }
    }

    private Handshake Own() => new() { Role = "silo", Silo = LocalSilo.ToString(), ServiceId = ServiceId, ClusterId = ClusterId };

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listener is not null)
        {
            await _listener.UnbindAsync();
            await _listener.DisposeAsync();
        }

        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        foreach (var silo in _outbound.Keys)
        {
            await DisconnectAsync(silo);
        }

        foreach (var connection in _inbound.Keys)
        {
            await connection.CloseAsync();
        }
    }
}
