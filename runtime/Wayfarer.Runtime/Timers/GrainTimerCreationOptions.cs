namespace Wayfarer.Runtime.Timers;

/// <summary>How a grain timer behaves.</summary>
public readonly record struct GrainTimerCreationOptions
{
    /// <summary>Creates options with a due time and a period.</summary>
    public GrainTimerCreationOptions(TimeSpan dueTime, TimeSpan period)
    {
        DueTime = dueTime;
        Period = period;
    }

    /// <summary>When the first tick is due.</summary>
    public TimeSpan DueTime { get; init; }

    /// <summary>The time from the end of one tick's callback to the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for one tick.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>Whether ticks may interleave with grain calls.</summary>
    /// <value>False: a tick is a turn like any call, and waits for running calls to finish.</value>
    public bool Interleave { get; init; }

    /// <summary>Whether ticks count as activity that keeps the activation from idle collection.</summary>
    /// <value>False.</value>
    public bool KeepAlive { get; init; }
}
