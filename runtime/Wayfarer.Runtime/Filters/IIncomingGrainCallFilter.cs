namespace Wayfarer.Runtime.Filters;

/// <summary>Runs around every incoming grain call. Silo-wide filters run in registration order; a grain class that
/// implements this interface runs last, just around its own methods.</summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Observes, changes, retries or replaces the call; must call <see cref="IGrainCallContext.Invoke"/> to
    /// let the call proceed.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}
