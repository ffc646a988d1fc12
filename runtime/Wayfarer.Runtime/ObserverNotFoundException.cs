namespace Wayfarer.Runtime;

/// <summary>A call was made through an observer reference whose object was deleted or never existed here.</summary>
public sealed class ObserverNotFoundException(GrainId observerId)
    : WayfarerException($"The observer {observerId} is not (or no longer) registered; its subscribers should drop it.")
{
    /// <summary>The observer's id.</summary>
    public GrainId ObserverId { get; } = observerId;
}
