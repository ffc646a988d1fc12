using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Wayfarer.Runtime.Invocation;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Activation;

/// <summary>A grain call on its way to (and running in) the target activation, with the caller's response, timeout and
/// cancellation. The first of result, error, timeout and cancellation wins; the rest are ignored.</summary>
internal sealed class RequestMessage<TResult> : Message, IResponseSink
{
    private static readonly TimerCallback s_onTimeout = static s => ((RequestMessage<TResult>)s!).OnTimeout();
    private static readonly Action<object?, CancellationToken> s_onCancel = static (s, ct) => ((RequestMessage<TResult>)s!).OnCancelled(ct);

    private readonly SiloRuntime _runtime;
    private readonly GrainRequest<TResult> _request;
    private readonly TaskCompletionSource<TResult>? _response;
    private readonly long _startedTimestamp;
    private CancellationTokenSource? _calleeCancellation;
    private ITimer? _timer;
    private CancellationTokenRegistration _callerRegistration;
    private Activity? _activity;
    private ClusterConnection? _remote;
    private long _deadline;
    private bool _remoteResult;
    private int _finished;

    public RequestMessage(SiloRuntime runtime, GrainId target, GrainRequest<TResult> request, bool oneWay)
    {
        _runtime = runtime;
        _request = request;
        Target = target;
        _startedTimestamp = Stopwatch.GetTimestamp();
        if (!oneWay)
        {
            _response = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public GrainId Target { get; }

    public override GrainRequest Request => _request;

    public Task<TResult> ResponseTask => _response?.Task ?? throw new InvalidOperationException("One-way messages have no response.");

    public override bool IsCompleted => Volatile.Read(ref _finished) != 0;

    /// <summary>Starts the response timeout, links the caller's token and the trace.</summary>
    public void Arm(TimeSpan timeout, CancellationToken callerToken, Activity? activity)
    {
        _activity = activity;
        if (_request.Method.CancellationTokenIndex >= 0)
        {
            _calleeCancellation = new CancellationTokenSource();
            _request.CancellationToken = _calleeCancellation.Token;
        }

        if (_response is null)
        {
            return;
        }

        _runtime.Metrics.OnCallStarted();
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            _deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
            var timer = _runtime.TimeProvider.CreateTimer(s_onTimeout, this, timeout, Timeout.InfiniteTimeSpan);
            _timer = timer;
            if (IsCompleted)
            {
                timer.Dispose();
            }
        }

        if (callerToken.CanBeCanceled)
        {
            _callerRegistration = callerToken.UnsafeRegister(s_onCancel, this);
        }
    }

    public override async Task ExecuteAsync(ActivationData activation)
    {
        using var activity = StartServerActivity();
        try
        {
            TResult result;
            if (_runtime.IncomingFilters.Length > 0 || activation.Type.IsCallFilter)
            {
                var context = new IncomingCallContext<TResult>(_request, activation, _runtime.IncomingFilters);
                await context.Invoke();
                result = context.TypedResult;
            }
            else
            {
                result = await _request.InvokeAsync(activation.Instance!);
            }

            Complete(result);
        }
        catch (Exception exception)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activation.OnRequestFailed(exception);
            Fail(exception);
        }
    }

    public override void Fail(Exception exception)
    {
        if (TryFinish(failed: true))
        {
            _activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            _activity?.Dispose();
            _response?.TrySetException(exception);
        }
    }

    /// <summary>Sends this call to another silo and waits for its response there (see IResponseSink.OnResponse).</summary>
    public override async Task SendRemoteAsync(SiloRuntime runtime, SiloAddress silo, int hops)
    {
        var cluster = runtime.Cluster!;
        var connection = await cluster.Transport.GetConnectionAsync(silo);
        var payload = new ArrayBufferWriter<byte>();
        var remaining = _response is null || _deadline == 0 ? Timeout.InfiniteTimeSpan
            : TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, (long)((_deadline - Stopwatch.GetTimestamp()) * ((double)TimeSpan.TicksPerSecond / Stopwatch.Frequency))));
        cluster.Codec.WriteRequest(payload, Id, Target, _request, new RequestMessageHeaders(
            CallChain, RequestContext, remaining, ParentTrace == default ? null : ParentTrace.ToString(), AllowCallChainReentrancy, Math.Max(Hops, hops)));
        if (_response is null)
        {
            await connection.SendAsync(FrameType.OneWay, payload);
            return;
        }

        _remote = connection;
        _remoteResult = true;
        await connection.SendRequestAsync(Id, FrameType.Request, payload.WrittenSpan.ToArray(), this);
        if (IsCompleted)
        {
            CancelRemote();
        }
    }

    void IResponseSink.OnResponse(JsonElement response, ClusterConnection connection)
    {
        if (response.TryGetProperty("error", out var error))
        {
            Fail(ExceptionCodec.Read(error));
            return;
        }

        TResult result;
        try
        {
            result = response.GetProperty("result").Deserialize<TResult>(_runtime.Cluster!.Codec.Options)!;
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            Fail(new WayfarerException($"The response of {_request.Method} from {connection.Peer} could not be read: {exception.Message}", exception));
            return;
        }

        Complete(result);
    }

    void IResponseSink.OnConnectionLost(Exception exception) => Fail(exception);

    public override void CancelFromRemote()
    {
        if (TryFinish(failed: true))
        {
            _activity?.Dispose();
            _response?.TrySetCanceled();
            CancelCallee();
        }
    }

    /// <summary>Tells the silo running this call that nobody waits for it any more.</summary>
    private void CancelRemote()
    {
        if (_remote is { } connection && connection.RemovePending(Id))
        {
            var payload = new ArrayBufferWriter<byte>();
            MessageCodec.WriteId(payload, Id);
            _ = SendCancelAsync(connection, payload);
        }
    }

    private static async Task SendCancelAsync(ClusterConnection connection, ArrayBufferWriter<byte> payload)
    {
        try
        {
            await connection.SendAsync(FrameType.Cancel, payload);
        }
        catch (SiloUnavailableException)
        {
            // The connection is gone, and with it the remote call.
        }
    }

    private void Complete(TResult result)
    {
        if (TryFinish(failed: false))
        {
            _activity?.Dispose();
            if (_response is not null)
            {
                TResult copy;
                try
                {
                    copy = _remoteResult ? result : _runtime.Copier.Copy(result);
                }
                catch (Exception exception)
                {
                    _response.TrySetException(exception);
                    return;
                }

                _response.TrySetResult(copy);
            }
        }
    }

    private void OnTimeout()
    {
        if (TryFinish(failed: true))
        {
            _runtime.Metrics.Timeouts.Add(1);
            _activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            _activity?.Dispose();
            var timeout = _request.Method.ResponseTimeout ?? _runtime.Options.ResponseTimeout;
            _response?.TrySetException(new GrainCallTimeoutException(Target, _request.Method.ToString(), timeout));
            CancelCallee();
            CancelRemote();
        }
    }

    private void OnCancelled(CancellationToken token)
    {
        if (TryFinish(failed: true))
        {
            _activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            _activity?.Dispose();
            _response?.TrySetCanceled(token);
            CancelCallee();
            CancelRemote();
        }
    }

    private void CancelCallee()
    {
        try
        {
            _calleeCancellation?.Cancel();
        }
        catch (AggregateException exception)
        {
            // Callbacks registered by grain code threw; the call is already answered, so only the log can tell.
            Log.UnhandledWorkItemException(_runtime.ActivationLogger, exception, Target);
        }
    }

    private bool TryFinish(bool failed)
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0)
        {
            return false;
        }

        if (_response is not null)
        {
            _timer?.Dispose();
            _callerRegistration.Unregister();
            _runtime.Metrics.OnCallFinished(Stopwatch.GetElapsedTime(_startedTimestamp), failed);
        }

        return true;
    }

    private Activity? StartServerActivity()
    {
        if (!Diagnostics.RuntimeMetrics.ActivitySource.HasListeners())
        {
            return null;
        }

        var activity = Diagnostics.RuntimeMetrics.ActivitySource.StartActivity(_request.Method.ToString(), ActivityKind.Server, ParentTrace);
        activity?.SetTag("rpc.system", "wayfarer");
        activity?.SetTag("rpc.service", _request.Method.InterfaceType.FullName);
        activity?.SetTag("rpc.method", _request.Method.Name);
        activity?.SetTag("wayfarer.grain.id", Target.ToString());
        return activity;
    }
}
