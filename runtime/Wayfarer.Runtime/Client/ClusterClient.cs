using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Invocation;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Serialization;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Client;

/// <summary>The cluster client: finds gateways in the membership table, keeps a connection to each active one, sends
/// calls round robin, and resolves grain interfaces with the manifest the gateways send in their handshake.</summary>
internal sealed partial class ClusterClient : GrainFactoryBase, IClusterClient, IGrainReferenceRuntime, IFrameHandler, IHostedService, IAsyncDisposable
{
    private static long s_nextId;
    private readonly IMembershipTable _membership;
    private readonly ClusterClientOptions _options;
    private readonly ClusterOptions _ids;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MessageCodec _codec;
    private readonly ConcurrentDictionary<SiloAddress, ClusterConnection> _gateways = new();
    private readonly ConcurrentDictionary<SiloAddress, byte> _connecting = new();
    private readonly ConcurrentDictionary<SiloAddress, byte> _draining = new();
    private readonly OwnerCache _owners;
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableDictionary<string, ImmutableArray<GrainTypeManifestEntry>> _byInterface = ImmutableDictionary<string, ImmutableArray<GrainTypeManifestEntry>>.Empty;
    private Task? _refreshLoop;
    private int _roundRobin;

    public ClusterClient(
        IMembershipTable membership, IOptions<ClusterClientOptions> options, IOptions<ClusterOptions> ids, TimeProvider time, ILoggerFactory loggerFactory,
        IEnumerable<Directory.IGrainDirectory> directories)
    {
        _membership = membership;
        _owners = new OwnerCache(directories.FirstOrDefault(), time, loggerFactory.CreateLogger("Wayfarer.Runtime.Client"));
        _options = options.Value;
        _ids = ids.Value;
        _time = time;
        _logger = loggerFactory.CreateLogger("Wayfarer.Runtime.Client");
        var json = GrainJson.CreateOptions();
        json.Converters.Add(new GrainReferenceJsonConverter(this));
        _codec = new MessageCodec(json);
    }

    public IGrainFactory GrainFactory => this;

    public bool IsConnected => !_gateways.IsEmpty;

    public IReadOnlyList<string> ConnectedGateways => [.. _gateways.Keys.Select(k => k.ToString())];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250), _time);
        while (true)
        {
            await RefreshGatewaysAsync(timeout.Token);
            if (IsConnected)
            {
                break;
            }

            try
            {
                await timer.WaitForNextTickAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SiloUnavailableException($"No gateway of cluster {_ids.ServiceId}/{_ids.ClusterId} answered within {_options.ConnectTimeout}.");
            }
        }

        _refreshLoop = Task.Run(RefreshLoopAsync);
    }

    private async Task RefreshLoopAsync()
    {
        using var timer = new PeriodicTimer(_options.GatewayRefreshInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                try
                {
                    await RefreshGatewaysAsync(_stopping.Token);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    ClientLog.RefreshFailed(_logger, exception);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Connects to every active silo not yet connected and drops gateways that left.</summary>
    internal async Task RefreshGatewaysAsync(CancellationToken cancellationToken)
    {
        var table = await _membership.ReadAllAsync(cancellationToken);
        var active = table.Entries.Where(r => r.Entry.Status == SiloStatus.Active).Select(r => r.Entry.Silo).ToHashSet();
        _draining.Clear();
        foreach (var row in table.Entries.Where(r => r.Entry.Status == SiloStatus.ShuttingDown))
        {
            _draining[row.Entry.Silo] = 0;
        }

        foreach (var (silo, connection) in _gateways)
        {
            if (!active.Contains(silo) && !_draining.ContainsKey(silo))
            {
                _gateways.TryRemove(silo, out _);
                await connection.CloseAsync(new SiloUnavailableException($"Gateway {silo} left the cluster."));
            }
        }

        await Task.WhenAll(active.Where(s => !_gateways.ContainsKey(s)).Select(ConnectAsync));
    }

    private async Task ConnectAsync(SiloAddress silo)
    {
        if (!_connecting.TryAdd(silo, 0))
        {
            return;
        }

        try
        {
            var hello = new Handshake { Role = "client", ServiceId = _ids.ServiceId, ClusterId = _ids.ClusterId };
            var (pipe, answer) = await SiloConnector.ConnectAsync(silo, hello, _stopping.Token);
            MergeManifest(answer.GrainTypes);
            var connection = new ClusterConnection(pipe, this, _logger, silo.ToString()) { PeerState = silo };
            _gateways[silo] = connection;
            connection.Start();
            ClientLog.GatewayConnected(_logger, silo);
        }
        catch (SiloUnreachableException exception)
        {
            ClientLog.GatewayUnreachable(_logger, silo, exception.Message);
        }
        finally
        {
            _connecting.TryRemove(silo, out _);
        }
    }

    private void MergeManifest(IReadOnlyList<GrainTypeManifestEntry> types)
    {
        var builder = _byInterface.ToBuilder();
        foreach (var type in types)
        {
            foreach (var iface in type.Interfaces)
            {
                var existing = builder.GetValueOrDefault(iface, []);
                if (!existing.Any(e => e.Type == type.Type))
                {
                    builder[iface] = existing.Add(type);
                }
            }
        }

        _byInterface = builder.ToImmutable();
    }

    /// <summary>The gateway for a call to <paramref name="grain"/>: the silo that hosts it when the client knows (no
    /// forwarding hop), else any connected gateway.</summary>
    private ClusterConnection PickGateway(GrainId grain)
    {
        if (_owners.Find(grain) is { } owner)
        {
            if (_gateways.TryGetValue(owner, out var direct) && !direct.IsClosed && !direct.IsDraining)
            {
                return direct;
            }

            _owners.Forget(grain);
        }

        return PickGateway();
    }

    private ClusterConnection PickGateway()
    {
        var connections = _gateways.Values.Where(c => !c.IsClosed && !c.IsDraining && !_draining.ContainsKey((SiloAddress)c.PeerState!)).ToArray();
        if (connections.Length == 0)
        {
            connections = [.. _gateways.Values.Where(c => !c.IsClosed)];
        }

        if (connections.Length == 0)
        {
            throw new SiloUnavailableException($"No gateway of cluster {_ids.ServiceId}/{_ids.ClusterId} is connected; retry shortly.");
        }

        return connections[(int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)connections.Length)];
    }

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var call = new ClientCall<TResult>(Interlocked.Increment(ref s_nextId), _codec.Options);
        try
        {
            var timeout = request.Method.ResponseTimeout ?? _options.ResponseTimeout;
            var payload = Encode(call.Id, target, request, timeout);
            call.Arm(timeout, _time, cancellationToken, () => new GrainCallTimeoutException(target.GrainId, request.Method.ToString(), timeout));
            _ = SendAsync(call, payload, target.GrainId);
        }
        catch (Exception exception) when (exception is SiloUnavailableException or System.Text.Json.JsonException or NotSupportedException)
        {
            call.Finish(exception, cancelRemote: false);
        }

        return call.Task;
    }

    /// <summary>Sends on a gateway; a gateway whose connection turns out closed before the request left is skipped for
    /// another (the request was never sent, so trying again cannot run it twice).</summary>
    private async Task SendAsync<TResult>(ClientCall<TResult> call, byte[] payload, GrainId grain)
    {
        for (var attempt = 0; ; attempt++)
        {
            ClusterConnection connection;
            try
            {
                connection = PickGateway(grain);
            }
            catch (SiloUnavailableException exception)
            {
                call.Finish(exception, cancelRemote: false);
                return;
            }

            if (connection.IsClosed && attempt < 3)
            {
                continue;
            }

            call.Connection = connection;
            try
            {
                await connection.SendRequestAsync(call.Id, FrameType.Request, payload, call);
                return;
            }
            catch (SiloUnavailableException exception)
            {
                call.Finish(exception, cancelRemote: false);
                return;
            }
        }
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        var connection = PickGateway(target.GrainId);
        var payload = Encode(Interlocked.Increment(ref s_nextId), target, request, Timeout.InfiniteTimeSpan);
        _ = connection.SendAsync(FrameType.OneWay, payload).AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
    }

    private byte[] Encode(long id, GrainReference target, GrainRequest request, TimeSpan timeout)
    {
        var payload = new ArrayBufferWriter<byte>();
        var trace = Activity.Current is { } activity ? activity.Id : null;
        _codec.WriteRequest(payload, id, target.GrainId, request, new RequestMessageHeaders(
            ImmutableArray<CallChainEntry>.Empty, RequestContext.Snapshot, timeout, trace, RequestContext.IsCallChainReentrancyAllowed, 0));
        return payload.WrittenSpan.ToArray();
    }

    void IFrameHandler.OnRequest(ClusterConnection connection, FrameType type, ReadOnlySequence<byte> payload)
    {
        // Observers on the client are not supported: refuse requests addressed to the client.
        if (type == FrameType.Request)
        {
            var answer = new ArrayBufferWriter<byte>();
            MessageCodec.WriteError(answer, MessageCodec.ReadId(payload), new NotSupportedException("This cluster client hosts no objects."));
            _ = connection.SendAsync(FrameType.Response, answer).AsTask().ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
        }
    }

    void IFrameHandler.OnCancel(ClusterConnection connection, long requestId)
    {
        // The client runs no calls that a gateway could cancel.
    }

    void IFrameHandler.OnClosed(ClusterConnection connection, Exception? error)
    {
        if (connection.PeerState is SiloAddress silo)
        {
            _gateways.TryRemove(new KeyValuePair<SiloAddress, ClusterConnection>(silo, connection));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_refreshLoop is not null)
        {
            await _refreshLoop;
        }

        foreach (var connection in _gateways.Values)
        {
            await connection.CloseAsync();
        }

        _gateways.Clear();
    }
}
