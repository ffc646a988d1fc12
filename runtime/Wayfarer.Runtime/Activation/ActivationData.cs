using Microsoft.Extensions.Logging;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

/// <summary>One activation of a grain: its instance, its inbox and the rules for which message runs when.</summary>
/// <remarks>
/// Every field below is guarded by <c>_lock</c>. Messages start only when the activation is <see cref="ActivationState.Valid"/>
/// and the interleaving rules allow it; a non-reentrant activation runs one request at a time, from its first line to its
/// completion, including every await in between.
/// </remarks>
internal sealed partial class ActivationData
{
    [ThreadStatic]
    private static ActivationData? t_underConstruction;

    private static readonly SendOrPostCallback s_runMessage = static state => ((Message)state!).Activation!.RunMessage((Message)state!);

    private readonly Lock _lock = new();
    private readonly LinkedList<Message> _inbox = new();
    private readonly List<Message> _running = new(1);
    private readonly ILogger _logger;
    private ActivationState _state = ActivationState.Created;
    private DeactivationReason? _pendingDeactivation;
    private long _lastActivityTimestamp;
    private long _keepAliveUntilTimestamp;
    private int _interleaveCandidates;

    public ActivationData(SiloRuntime runtime, GrainTypeInfo type, GrainId grainId, ActivationId activationId)
    {
        Runtime = runtime;
        Type = type;
        GrainId = grainId;
        ActivationId = activationId;
        _logger = runtime.ActivationLogger;
        _lastActivityTimestamp = runtime.TimeProvider.GetTimestamp();
    }

    public static ActivationData? UnderConstruction => t_underConstruction;

    public SiloRuntime Runtime { get; }

    public GrainTypeInfo Type { get; }

    public GrainId GrainId { get; }

    public ActivationId ActivationId { get; }

    /// <summary>The grain instance, or the observer object for an observer activation. Set while activating.</summary>
    public object? Instance { get; private set; }

    /// <summary>The stateless worker group this activation belongs to, if any.</summary>
    public StatelessWorkerGroup? WorkerGroup { get; init; }

    public ActivationState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>Requests waiting plus running: how busy the activation is (for stateless worker placement).</summary>
    public int Load
    {
        get
        {
            lock (_lock)
            {
                return _inbox.Count + _running.Count;
            }
        }
    }

    /// <summary>Requests running now (more than one only when interleaving is allowed).</summary>
    public int RunningCount
    {
        get
        {
            lock (_lock)
            {
                return _running.Count;
            }
        }
    }

    /// <summary>Delivers a message. Returns false when the activation is gone and the caller must find another.</summary>
    public bool TryEnqueue(Message message)
    {
        bool startActivation = false;
        lock (_lock)
        {
            if (_state == ActivationState.Invalid)
            {
                return false;
            }

            if (_running.Count > 0 && _state == ActivationState.Valid && !CanStart(message) && IsDeadlock(message))
            {
                // Fall through to fail outside the lock.
            }
            else
            {
                _inbox.AddLast(message);
                if (IsInterleaveCandidate(message))
                {
                    _interleaveCandidates++;
                }

                if (_state == ActivationState.Created)
                {
                    _state = ActivationState.Activating;
                    startActivation = true;
                }
                else if (_state == ActivationState.Valid)
                {
                    StartRunnableMessages();
                }

                message = null!;
            }
        }

        if (message is not null)
        {
            Runtime.Metrics.Deadlocks.Add(1);
            message.Fail(new DeadlockException([.. message.CallChain.Select(e => e.GrainId), GrainId]));
        }
        else if (startActivation)
        {
            Post(static s => _ = ((ActivationData)s!).ActivateAsync(), this);
        }

        return true;
    }

    private bool IsInterleaveCandidate(Message message)
        => message.IsAlwaysInterleave || message.IsReadOnly || message.AllowCallChainReentrancy || Type.MayInterleave is not null || Type.IsReentrant;

    /// <summary>Whether <paramref name="message"/> may start now, given what is running.</summary>
    private bool CanStart(Message message)
    {
        if (_running.Count == 0 || Type.IsReentrant || message.IsAlwaysInterleave)
        {
            return true;
        }

        if (message.IsReadOnly && _running.TrueForAll(static m => m.IsReadOnly))
        {
            return true;
        }

        if (Type.MayInterleave is { } predicate && message.Request is { } request && predicate(request))
        {
            return true;
        }

        return message.AllowCallChainReentrancy && IsWaitingOnChain(message);
    }

    /// <summary>Whether the message's call chain passes through a request this activation is running: that request waits
    /// (transitively) for this message, so queueing it would never end.</summary>
    private bool IsWaitingOnChain(Message message)
    {
        foreach (var entry in message.CallChain)
        {
            if (entry.ActivationId == ActivationId)
            {
                foreach (var running in _running)
                {
                    if (running.Id == entry.MessageId)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool IsDeadlock(Message message) => !message.AllowCallChainReentrancy && IsWaitingOnChain(message);

    /// <summary>Starts every queued message the rules allow, oldest first. Caller holds the lock.</summary>
    private void StartRunnableMessages()
    {
        var node = _inbox.First;
        while (node is not null)
        {
            var next = node.Next;
            var message = node.Value;
            if (message.IsCompleted)
            {
                Remove(node);
            }
            else if (CanStart(message))
            {
                Remove(node);
                _running.Add(message);
                message.Activation = this;
                Post(s_runMessage, message);
            }
            else if (_interleaveCandidates == 0)
            {
                // Nothing behind the head could overtake it.
                return;
            }

            node = next;
        }
    }

    private void Remove(LinkedListNode<Message> node)
    {
        _inbox.Remove(node);
        if (IsInterleaveCandidate(node.Value))
        {
            _interleaveCandidates--;
        }
    }

    private void RunMessage(Message message) => _ = RunMessageAsync(message);

    private async Task RunMessageAsync(Message message)
    {
        CallContext.Current = new CallContext(this, message);
        RequestContext.Restore(message.RequestContext);
        try
        {
            await message.ExecuteAsync(this);
        }
        catch (Exception exception)
        {
            message.Fail(exception);
        }
        finally
        {
            CallContext.Current = null;
            OnMessageCompleted(message);
        }
    }

    /// <summary>Called (on the scheduler) when a request's turn ends, successfully or not.</summary>
    private void OnMessageCompleted(Message message)
    {
        bool deactivate = false;
        lock (_lock)
        {
            _running.Remove(message);
            if (message.KeepsAlive)
            {
                _lastActivityTimestamp = Runtime.TimeProvider.GetTimestamp();
            }

            if (_pendingDeactivation is not null && _running.Count == 0 && _state == ActivationState.Valid)
            {
                _state = ActivationState.Deactivating;
                deactivate = true;
            }
            else if (_state == ActivationState.Valid)
            {
                StartRunnableMessages();
            }
        }

        if (deactivate)
        {
            _ = DeactivateAsync(_pendingDeactivation!.Value);
        }
    }

    /// <summary>Notes that a request failed in a way that makes this activation unfit to serve more (stale state).</summary>
    public void OnRequestFailed(Exception exception)
    {
        if (exception is InconsistentStateException)
        {
            RequestDeactivation(DeactivationReason.InconsistentState);
        }
    }

    public bool IsIdleFor(long nowTimestamp, TimeSpan age)
    {
        lock (_lock)
        {
            return _state == ActivationState.Valid && _running.Count == 0 && _inbox.Count == 0
                && nowTimestamp >= _keepAliveUntilTimestamp
                && Runtime.TimeProvider.GetElapsedTime(_lastActivityTimestamp, nowTimestamp) >= age;
        }
    }

    public void DelayDeactivation(TimeSpan timeSpan)
    {
        var until = Runtime.TimeProvider.GetTimestamp() + (long)(timeSpan.TotalSeconds * Runtime.TimeProvider.TimestampFrequency);
        lock (_lock)
        {
            _keepAliveUntilTimestamp = Math.Max(_keepAliveUntilTimestamp, until);
        }
    }

    /// <summary>Marks the activation for deactivation once nothing runs; starts it now if idle.</summary>
    public void RequestDeactivation(DeactivationReason reason)
    {
        lock (_lock)
        {
            if (_state != ActivationState.Valid || _pendingDeactivation is not null)
            {
                return;
            }

            _pendingDeactivation = reason;
            if (_running.Count > 0)
            {
                return;
            }

            _state = ActivationState.Deactivating;
        }

        Post(static s => { var a = (ActivationData)s!; _ = a.DeactivateAsync(a._pendingDeactivation!.Value); }, this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{GrainId}#{ActivationId}";
}
