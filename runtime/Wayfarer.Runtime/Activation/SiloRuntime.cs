using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Invocation;
using Wayfarer.Runtime.Serialization;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Activation;

/// <summary>The in-silo grain runtime: makes references, routes calls to activations (creating them on first use),
/// collects idle activations and deactivates everything on shutdown.</summary>
internal sealed partial class SiloRuntime : GrainFactoryBase, IGrainReferenceRuntime, IAsyncDisposable
{
    private readonly ILogger _logger;
    private readonly ConditionalWeakTable<IGrainObserver, ActivationData> _observers = [];
    private readonly Lock _observerLock = new();
    private ITimer? _collector;
    private volatile bool _stopping;

    public SiloRuntime(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        IOptions<ClusterOptions> cluster,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        RuntimeMetrics metrics,
        IEnumerable<GrainAssembly> assemblies)
    {
        Services = services;
        Options = options.Value;
        ClusterIds = cluster.Value;
        TimeProvider = timeProvider;
        Metrics = metrics;
        _logger = loggerFactory.CreateLogger("Wayfarer.Runtime");
        ActivationLogger = loggerFactory.CreateLogger("Wayfarer.Runtime.Activation");
        Catalog = new Catalog(this);
        TypeManager = new GrainTypeManager(assemblies.Select(a => a.Assembly));
        IncomingFilters = services.GetServices<IIncomingGrainCallFilter>().ToArray();
        OutgoingFilters = services.GetServices<IOutgoingGrainCallFilter>().ToArray();
        JsonOptions = GrainJson.CreateOptions();
        JsonOptions.Converters.Add(new GrainReferenceJsonConverter(this));
        Copier = new JsonDeepCopier(JsonOptions);
        metrics.SetActivationCount(() => Catalog.Count);
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public ClusterOptions ClusterIds { get; }

    public TimeProvider TimeProvider { get; }

    public RuntimeMetrics Metrics { get; }

    public ILogger ActivationLogger { get; }

    public Catalog Catalog { get; }

    public GrainTypeManager TypeManager { get; }

    /// <summary>The JSON settings for arguments and results (copies and the wire): grain references bind to this runtime.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    public IDeepCopier Copier { get; }

    public IIncomingGrainCallFilter[] IncomingFilters { get; }

    public IOutgoingGrainCallFilter[] OutgoingFilters { get; }

    public IGrainFactory GrainFactory => this;

    public void Start()
    {
        _collector = TimeProvider.CreateTimer(static s => ((SiloRuntime)s!).CollectIdleActivations(), this, Options.CollectionQuantum, Options.CollectionQuantum);
        Log.RuntimeStarted(_logger, ClusterIds.ServiceId, ClusterIds.ClusterId, TypeManager.Types.Count());
    }

    /// <summary>Deactivates every activation that has been idle for longer than its collection age.</summary>
    public int CollectIdleActivations()
    {
        var now = TimeProvider.GetTimestamp();
        var count = 0;
        foreach (var activation in Catalog.All)
        {
            if (!activation.Type.IsObserver && activation.IsIdleFor(now, activation.Type.CollectionAge ?? Options.CollectionAge))
            {
                activation.RequestDeactivation(DeactivationReason.IdleCollection);
                count++;
            }
        }

        if (count > 0)
        {
            Log.IdleCollected(_logger, count);
        }

        return count;
    }

    /// <summary>Stops placing new activations and deactivates every activation, waiting up to the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _collector?.Dispose();
        var activations = Catalog.All.Where(a => !a.Type.IsObserver).ToList();
        Log.RuntimeStopping(_logger, activations.Count);
        foreach (var activation in activations)
        {
            activation.RequestDeactivation(DeactivationReason.ShuttingDown);
        }

        var all = Task.WhenAll(activations.Select(a => a.Deactivated));
        try
        {
            await all.WaitAsync(Options.ShutdownTimeout, TimeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Reported below: shutting down must not hang on one stuck grain.
        }

        Log.RuntimeStopped(_logger, activations.Count(a => !a.Deactivated.IsCompleted));
    }

    public ValueTask DisposeAsync()
    {
        _collector?.Dispose();
        TypeManager.Dispose();
        return ValueTask.CompletedTask;
    }

    public IGrainStorage GetStorage(string? name)
        => Services.GetKeyedService<IGrainStorage>(name ?? GrainStorageNames.Default)
            ?? throw new InvalidOperationException($"No grain storage named '{name ?? GrainStorageNames.Default}' is registered; add one with AddMemoryGrainStorage or AddPostgresGrainStorage.");

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        if (OutgoingFilters.Length == 0 || t_inbound is not null)
        {
            return SendRequest(target.GrainId, request, cancellationToken);
        }

        return InvokeWithFiltersAsync(target, request, cancellationToken);
    }

    private async Task<TResult> InvokeWithFiltersAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var context = new OutgoingCallContext<TResult>(this, target, request, cancellationToken, CallContext.Current?.Activation.GrainId);
        await context.Invoke();
        return context.TypedResult;
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request)
    {
        if (request is not GrainRequest<VoidResult> typed)
        {
            throw new ArgumentException($"One-way method {request.Method} must return Task or ValueTask.", nameof(request));
        }

        var inbound = t_inbound;
        t_inbound = null;
        if (inbound is null)
        {
            request.CopyArguments(Copier);
        }

        var message = CreateMessage(target.GrainId, typed, oneWay: true, inbound);
        message.Arm(Timeout.InfiniteTimeSpan, CancellationToken.None, null);
        Dispatch(message, target.GrainId);
    }

    internal Task<TResult> SendRequest<TResult>(GrainId target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        var inbound = t_inbound;
        t_inbound = null;
        if (inbound is null)
        {
            request.CopyArguments(Copier);
        }

        var message = CreateMessage(target, request, oneWay: false, inbound);
        var timeout = inbound is { Timeout: var remaining } && remaining != Timeout.InfiniteTimeSpan ? remaining : request.Method.ResponseTimeout ?? Options.ResponseTimeout;
        message.Arm(timeout, cancellationToken, inbound is null ? StartClientActivity(request, target) : null);
        if (inbound is not null)
        {
            AnswerWhenDone(inbound, message);
        }

        Dispatch(message, target);
        return message.ResponseTask;
    }

    private RequestMessage<TResult> CreateMessage<TResult>(GrainId target, GrainRequest<TResult> request, bool oneWay, InboundRequest? inbound)
    {
        if (inbound is not null)
        {
            return new RequestMessage<TResult>(this, target, request, oneWay)
            {
                CallChain = inbound.CallChain,
                RequestContext = inbound.RequestContext,
                AllowCallChainReentrancy = inbound.AllowCallChainReentrancy || Options.AllowCallChainReentrancy,
                IsAlwaysInterleave = request.Method.IsAlwaysInterleave,
                IsReadOnly = request.Method.IsReadOnly,
                ParentTrace = inbound.TraceParent is { } trace && ActivityContext.TryParse(trace, null, out var parent) ? parent : default,
                ActivateHere = inbound.Connection?.PeerState is not null,
                Hops = inbound.Hops,
            };
        }

        var caller = CallContext.Current;
        var chain = ImmutableArray<CallChainEntry>.Empty;
        if (caller is not null)
        {
            chain = caller.Message?.CallChain ?? chain;
            if (caller.Message is not null)
            {
                chain = chain.Add(new CallChainEntry(caller.Activation.GrainId, caller.Activation.ActivationId, caller.Message.Id));
            }
        }

        return new RequestMessage<TResult>(this, target, request, oneWay)
        {
            CallChain = chain,
            RequestContext = RequestContext.Snapshot,
            AllowCallChainReentrancy = Options.AllowCallChainReentrancy || RequestContext.IsCallChainReentrancyAllowed,
            IsAlwaysInterleave = request.Method.IsAlwaysInterleave,
            IsReadOnly = request.Method.IsReadOnly,
            ParentTrace = Activity.Current?.Context ?? default,
        };
    }

    private static Activity? StartClientActivity(GrainRequest request, GrainId target)
    {
        if (!RuntimeMetrics.ActivitySource.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = RuntimeMetrics.ActivitySource.StartActivity(request.Method.ToString(), ActivityKind.Client);
        activity?.SetTag("rpc.system", "wayfarer");
        activity?.SetTag("rpc.method", request.Method.Name);
        activity?.SetTag("wayfarer.grain.id", target.ToString());

        // The call runs on; the caller's own flow keeps its own current activity.
        Activity.Current = previous;
        return activity;
    }

    /// <summary>Delivers a message to the activation of <paramref name="target"/>, creating it if needed.</summary>
    internal void Dispatch(Message message, GrainId target)
    {
        while (true)
        {
            ActivationData activation;
            if (target.Type == ObserverPseudoGrain.TypeName)
            {
                if (!Catalog.TryGet(target, out activation))
                {
                    message.Fail(new ObserverNotFoundException(target));
                    return;
                }
            }
            else if (_stopping && _cluster is null)
            {
                if (!Catalog.TryGet(target, out activation) || activation.State != ActivationState.Valid)
                {
                    message.Fail(new SiloUnavailableException($"The silo is shutting down; {target} was not activated. Retry against another silo."));
                    return;
                }
            }
            else
            {
                var type = TypeManager.Find(target.Type);
                if (type is null)
                {
                    message.Fail(new ArgumentException($"Unknown grain type '{target.Type}' in {target}."));
                    return;
                }

                if (_cluster is not null && type.StatelessWorkerMax == 0)
                {
                    if (Catalog.TryGet(target, out activation) && activation.TryEnqueue(message))
                    {
                        return;
                    }

                    _ = RouteAsync(message, target, type, message.ActivateHere);
                    return;
                }

                activation = Catalog.GetOrCreate(type, target);
            }

            if (activation.TryEnqueue(message))
            {
                return;
            }
        }
    }

    /// <summary>Re-routes a message that reached an activation as it went away.</summary>
    internal void Forward(Message message, GrainId target) => Dispatch(message, target);
}
