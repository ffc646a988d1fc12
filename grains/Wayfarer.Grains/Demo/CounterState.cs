namespace Wayfarer.Grains.Demo;

/// <summary>The persisted state of a counter.</summary>
public sealed class CounterState
{
    /// <summary>The value.</summary>
    public long Value { get; set; }

    /// <summary>When the value last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
