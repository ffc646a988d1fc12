using System.Collections.Immutable;
using System.Diagnostics;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

/// <summary>A unit of work delivered to an activation's inbox: a grain call or a timer tick.</summary>
internal abstract class Message
{
    private static long s_nextId;

    protected Message() => Id = Interlocked.Increment(ref s_nextId);

    public long Id { get; }

    /// <summary>The activation running the message; set when it starts.</summary>
    public ActivationData? Activation { get; set; }

    /// <summary>The request, for calls; null for timer ticks.</summary>
    public abstract GrainRequest? Request { get; }

    public bool IsAlwaysInterleave { get; init; }

    public bool IsReadOnly { get; init; }

    /// <summary>Whether the turn counts as activity that keeps the activation from idle collection.</summary>
    public bool KeepsAlive { get; init; } = true;

    /// <summary>The chain of activations waiting (transitively) for this message, outermost first.</summary>
    public ImmutableArray<CallChainEntry> CallChain { get; init; } = ImmutableArray<CallChainEntry>.Empty;

    public bool AllowCallChainReentrancy { get; init; }

    public ImmutableDictionary<string, object>? RequestContext { get; init; }

    public ActivityContext ParentTrace { get; init; }

    /// <summary>True once the caller no longer waits (answered, timed out or cancelled): the message is skipped if not started.</summary>
    public abstract bool IsCompleted { get; }

    /// <summary>Runs the message on <paramref name="activation"/>'s turn and completes its response.</summary>
    public abstract Task ExecuteAsync(ActivationData activation);

    /// <summary>Answers the caller with an error, if it still waits.</summary>
    public abstract void Fail(Exception exception);

    /// <summary>True when the message came from a peer silo that chose this silo for it: it is activated here rather
    /// than routed again (the directory registration settles any race).</summary>
    public bool ActivateHere { get; init; }

    /// <summary>How many silos already forwarded this call.</summary>
    public int Hops { get; init; }

    /// <summary>Sends the message to <paramref name="silo"/> and completes it with the response that comes back.</summary>
    public abstract Task SendRemoteAsync(SiloRuntime runtime, Membership.SiloAddress silo, int hops);

    /// <summary>The remote caller gave up (timeout, cancellation, lost connection): cancel the callee.</summary>
    public abstract void CancelFromRemote();
}
