namespace Wayfarer.Runtime.Filters;

/// <summary>Runs around every outgoing grain call made from this process, in registration order.</summary>
public interface IOutgoingGrainCallFilter
{
    /// <summary>Observes, changes, retries or replaces the call; must call <see cref="IGrainCallContext.Invoke"/> to
    /// send it.</summary>
    Task Invoke(IOutgoingGrainCallContext context);
}
