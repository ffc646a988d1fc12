namespace Wayfarer.Runtime;

/// <summary>A call would wait on itself: its call chain already passes through a non-reentrant activation that is busy
/// waiting for this very chain. Raised at once instead of letting the chain hang until its timeout.</summary>
public sealed class DeadlockException : WayfarerException
{
    /// <summary>Creates the exception for the given chain of grains (outermost caller first, the target last).</summary>
    public DeadlockException(IReadOnlyList<GrainId> callChain)
        : base($"Deadlock: the call chain {string.Join(" -> ", callChain)} re-enters a non-reentrant grain that is waiting for it. "
            + "Mark the grain [Reentrant], the method [AlwaysInterleave], or enable call-chain reentrancy.")
    {
        CallChain = callChain;
    }

    /// <summary>The grains of the chain, outermost caller first, ending with the grain that was re-entered.</summary>
    public IReadOnlyList<GrainId> CallChain { get; }
}
