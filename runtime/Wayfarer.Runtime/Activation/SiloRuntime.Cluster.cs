using System.Buffers;
using System.Reflection;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Invocation;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Placement;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Activation;

/// <summary>The cluster half of the runtime: routing calls to the silo that hosts (or should host) a grain, serving
/// requests that arrive from peers and clients, and keeping the directory true as activations come and go.</summary>
internal sealed partial class SiloRuntime : IFrameHandler
{
    private const int MaxHops = 3;

    [ThreadStatic]
    private static InboundRequest? t_inbound;

    private ClusterState? _cluster;

    public ClusterState? Cluster => _cluster;

    public bool IsClustered => _cluster is not null;

    internal void AttachCluster(ClusterState cluster)
    {
        _cluster = cluster;
        cluster.Transport.Handler = this;
        cluster.Transport.ServerHandshake = () => new Handshake
        {
            Role = "silo",
            Silo = cluster.Self.ToString(),
            ServiceId = Cluster!.Transport.ServiceId,
            ClusterId = Cluster.Transport.ClusterId,
            GrainTypes = Manifest(),
        };
        cluster.Membership.SiloGone += silo => _ = OnSiloGoneAsync(silo);
        cluster.Membership.TableLost += () => _ = ReregisterActivationsAsync();
    }

    internal IReadOnlyList<GrainTypeManifestEntry> Manifest()
        => [.. TypeManager.Types.Where(t => !t.IsObserver).Select(t => new GrainTypeManifestEntry(
            t.Name, t.ClassType.FullName ?? t.ClassType.Name, [.. t.Interfaces.Select(i => i.FullName ?? i.Name)]))];

    /// <summary>Routes a message whose grain has no local activation: directory cache, directory, then placement.</summary>
    /// <remarks>A message a peer sent here because it chose this silo (<paramref name="activateHere"/>) is activated here
    /// unless the directory already names a live activation elsewhere. A silo that cannot even be connected to never
    /// received the call, so routing tries again after refreshing membership.</remarks>
    private async Task RouteAsync(Message message, GrainId target, GrainTypeInfo type, bool activateHere)
    {
        var cluster = _cluster!;
        try
        {
            GrainAddress? previous = null;
            for (var attempt = 0; attempt < 6; attempt++)
            {
                if (Catalog.TryGet(target, out var existing) && existing.TryEnqueue(message))
                {
                    return;
                }

                var address = activateHere ? await cluster.Directory.LookupAsync(target)
                    : cluster.Cache.GetValueOrDefault(target) ?? await cluster.Directory.LookupAsync(target);
                if (address is not null && (cluster.Membership.IsUnavailable(address.Silo) || address.Silo.Equals(cluster.Self)))
                {
                    // An entry on a dead silo (or a stale one of ours): the next activation replaces it by naming it.
                    cluster.Cache.TryRemove(target, out _);
                    previous = address;
                    address = null;
                }

                SiloAddress? destination = address?.Silo;
                if (destination is null)
                {
                    var hint = message.RequestContext?.GetValueOrDefault(PlacementHint.Key) as string;
                    destination = activateHere && !_stopping ? cluster.Self
                        : cluster.Placement.Choose(type, target, hint)
                            ?? throw new SiloUnavailableException($"No active silo hosts grain type '{type.Name}' right now; retry shortly.");
                }

                if (destination.Equals(cluster.Self))
                {
                    if (_stopping)
                    {
                        throw new SiloUnavailableException($"This silo is shutting down and no other silo can take {target} right now; retry shortly.");
                    }

                    ActivateLocally(message, target, type, previous);
                    return;
                }

                if (address is not null)
                {
                    cluster.Cache[target] = address;
                }

                try
                {
                    await message.SendRemoteAsync(this, destination, hops: activateHere ? message.Hops + 1 : message.Hops);
                    return;
                }
                catch (SiloUnreachableException)
                {
                    // Never sent: learn whether the silo is gone, then route again.
                    cluster.Cache.TryRemove(target, out _);
                    await cluster.Membership.RefreshAsync(CancellationToken.None);
                    activateHere = false;
                }
            }

            throw new SiloUnavailableException($"Could not route a call to {target}; the cluster is changing. Retry.");
        }
        catch (Exception exception)
        {
            message.Fail(exception is WayfarerException or TimeoutException ? exception
                : new SiloUnavailableException($"Routing a call to {target} failed: {exception.Message}", exception));
        }
    }

    private void ActivateLocally(Message message, GrainId target, GrainTypeInfo type, GrainAddress? previous)
    {
        while (true)
        {
            var activation = Catalog.GetOrCreate(type, target);
            activation.PreviousRegistration ??= previous;
            if (activation.TryEnqueue(message))
            {
                return;
            }
        }
    }

    /// <summary>Registers a new activation in the directory; returns the winner (this activation's address if it won).</summary>
    internal async Task<GrainAddress> RegisterAsync(ActivationData activation)
    {
        var cluster = _cluster!;
        var mine = new GrainAddress(activation.GrainId, cluster.Self, activation.ActivationId);
        var previous = activation.PreviousRegistration;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var winner = await cluster.Directory.RegisterAsync(mine, previous);
            if (winner.ActivationId == mine.ActivationId)
            {
                cluster.Cache[activation.GrainId] = winner;
                return winner;
            }

            var winnerIsStale = cluster.Membership.IsUnavailable(winner.Silo)
                || (winner.Silo.Equals(cluster.Self) && !(Catalog.TryGet(winner.GrainId, out var local) && local.ActivationId == winner.ActivationId));
            if (!winnerIsStale)
            {
                cluster.Cache[activation.GrainId] = winner;
                return winner;
            }

            previous = winner;
        }

        throw new SiloUnavailableException($"Could not register {activation.GrainId} in the grain directory; retry.");
    }

    internal async Task UnregisterAsync(ActivationData activation)
    {
        var cluster = _cluster!;
        cluster.Cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(activation.GrainId, new GrainAddress(activation.GrainId, cluster.Self, activation.ActivationId)));
        try
        {
            await cluster.Directory.UnregisterAsync(new GrainAddress(activation.GrainId, cluster.Self, activation.ActivationId));
        }
        catch (Exception exception)
        {
            // The entry now points at an activation that is gone; the next caller replaces it by naming it.
            Log.DirectoryUnregisterFailed(_logger, exception, activation.GrainId);
        }
    }

    /// <summary>Sends messages that reached the loser of a registration race to the winner.</summary>
    internal void ForwardToWinner(IEnumerable<Message> messages, GrainAddress winner)
    {
        foreach (var message in messages)
        {
            _ = ForwardToWinnerAsync(message, winner);
        }
    }

    private async Task ForwardToWinnerAsync(Message message, GrainAddress winner)
    {
        try
        {
            await message.SendRemoteAsync(this, winner.Silo, hops: 1);
        }
        catch (Exception exception)
        {
            message.Fail(exception);
        }
    }

    private async Task OnSiloGoneAsync(SiloAddress silo)
    {
        var cluster = _cluster!;
        foreach (var (grain, address) in cluster.Cache)
        {
            if (address.Silo.Equals(silo))
            {
                cluster.Cache.TryRemove(new KeyValuePair<GrainId, GrainAddress>(grain, address));
            }
        }

        // A dead silo's connections are cut at once so their calls fail fast; a silo that left gracefully closes its
        // own connections after its grace period, letting the calls it still forwards finish.
        if (!cluster.Membership.View.TryGetValue(silo, out var entry) || entry.Status != SiloStatus.Stopped)
        {
            await cluster.Transport.DisconnectAsync(silo);
        }

        try
        {
            await cluster.Directory.UnregisterSilosAsync([silo]);
        }
        catch (Exception exception)
        {
            Log.DirectoryUnregisterFailed(_logger, exception, new GrainId("silo", silo.ToString()));
        }
    }

    /// <summary>After the membership table was lost (and with it, likely, the directory), registers every local activation
    /// again; an activation that finds another winner deactivates, so one activation per grain is restored.</summary>
    private async Task ReregisterActivationsAsync()
    {
        var cluster = _cluster!;
        foreach (var activation in Catalog.All.Where(a => a.WorkerGroup is null && !a.Type.IsObserver && a.State == ActivationState.Valid).ToList())
        {
            try
            {
                var mine = new GrainAddress(activation.GrainId, cluster.Self, activation.ActivationId);
                var winner = await cluster.Directory.RegisterAsync(mine);
                if (winner.ActivationId != mine.ActivationId)
                {
                    activation.RequestDeactivation(DeactivationReason.DuplicateActivation);
                }
            }
            catch (Exception exception)
            {
                Log.DirectoryUnregisterFailed(_logger, exception, activation.GrainId);
            }
        }
    }

    void IFrameHandler.OnRequest(ClusterConnection connection, FrameType type, ReadOnlySequence<byte> payload)
    {
        var cluster = _cluster!;
        InboundRequest request;
        try
        {
            request = cluster.Codec.ReadRequest(payload, oneWay: type == FrameType.OneWay);
        }
        catch (Exception exception)
        {
            TransportLog.BadFrame(_logger, exception, type, connection.Peer);
            if (type == FrameType.Request)
            {
                _ = RespondErrorAsync(connection, MessageCodec.ReadId(payload), exception);
            }

            return;
        }

        request.Connection = connection;
        if (request.Hops > MaxHops)
        {
            _ = RespondErrorAsync(connection, request.Id, new SiloUnavailableException($"A call to {request.Target} was forwarded {request.Hops} times; the cluster is changing. Retry."));
            return;
        }

        var proxy = GrainInterfaceRegistry.GetFactory(request.Method.InterfaceType)(this, request.Target);
        t_inbound = request;
        try
        {
            request.Method.Method.Invoke(proxy, request.Arguments);
        }
        catch (TargetInvocationException exception)
        {
            if (!request.OneWay)
            {
                _ = RespondErrorAsync(connection, request.Id, exception.InnerException ?? exception);
            }
        }
        finally
        {
            t_inbound = null;
        }
    }

    void IFrameHandler.OnCancel(ClusterConnection connection, long requestId)
    {
        if (_cluster!.Inbound.TryRemove((connection, requestId), out var message))
        {
            message.CancelFromRemote();
        }
    }

    void IFrameHandler.OnClosed(ClusterConnection connection, Exception? error)
    {
        foreach (var key in _cluster!.Inbound.Keys.Where(k => k.Item1 == connection))
        {
            if (_cluster.Inbound.TryRemove(key, out var message))
            {
                message.CancelFromRemote();
            }
        }
    }

    /// <summary>Answers an inbound request when its local (or forwarded) execution completes.</summary>
    private void AnswerWhenDone<TResult>(InboundRequest inbound, RequestMessage<TResult> message)
    {
        var key = (inbound.Connection!, inbound.Id);
        _cluster!.Inbound[key] = message;
        message.ResponseTask.ContinueWith(
            static (task, state) =>
            {
                var (runtime, request, k) = ((SiloRuntime, InboundRequest, (ClusterConnection, long)))state!;
                runtime._cluster!.Inbound.TryRemove(k, out _);
                _ = runtime.RespondAsync(request, task);
            },
            (this, inbound, key),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RespondAsync<TResult>(InboundRequest inbound, Task<TResult> task)
    {
        var payload = new ArrayBufferWriter<byte>();
        try
        {
            if (task.IsCompletedSuccessfully)
            {
                _cluster!.Codec.WriteResult(payload, inbound.Id, task.Result, typeof(TResult));
            }
            else
            {
                var error = task.IsCanceled ? new OperationCanceledException("The call was cancelled.") : task.Exception!.InnerException ?? task.Exception;
                MessageCodec.WriteError(payload, inbound.Id, error);
            }
        }
        catch (Exception exception)
        {
            payload = new ArrayBufferWriter<byte>();
            MessageCodec.WriteError(payload, inbound.Id, new WayfarerException($"The result of {inbound.Method.Method.Name} could not be serialized: {exception.Message}", exception));
        }

        try
        {
            await inbound.Connection!.SendAsync(FrameType.Response, payload);
        }
        catch (SiloUnavailableException)
        {
            // The caller's connection is gone; its call already failed over there.
        }
    }

    private static async Task RespondErrorAsync(ClusterConnection connection, long id, Exception exception)
    {
        var payload = new ArrayBufferWriter<byte>();
        MessageCodec.WriteError(payload, id, exception);
        try
        {
            await connection.SendAsync(FrameType.Response, payload);
        }
        catch (SiloUnavailableException)
        {
            // Nobody left to tell.
        }
    }
}
