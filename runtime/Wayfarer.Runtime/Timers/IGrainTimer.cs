namespace Wayfarer.Runtime.Timers;

/// <summary>A timer owned by one activation. Dispose it to stop it; it also stops when the activation deactivates.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes the due time and period. <see cref="Timeout.InfiniteTimeSpan"/> as the period makes it one-shot.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
