namespace Wayfarer.Runtime;

/// <summary>A grain call got no response within its response timeout. The callee's cancellation token was cancelled.</summary>
/// <remarks>Derives from <see cref="TimeoutException"/>, as Orleans' timeouts do, so existing handlers keep working.</remarks>
public sealed class GrainCallTimeoutException(GrainId target, string method, TimeSpan timeout)
    : TimeoutException($"The call {method} on {target} got no response within {timeout.TotalMilliseconds:0} ms; the callee was asked to cancel.")
{
    /// <summary>The target grain.</summary>
    public GrainId Target { get; } = target;

    /// <summary>The method called.</summary>
    public string Method { get; } = method;

    /// <summary>The timeout that elapsed.</summary>
    public TimeSpan Timeout { get; } = timeout;

    /// <summary>Always true: the grain may answer a retry.</summary>
    public bool IsTransient => true;
}
