namespace Wayfarer.Runtime.Storage;

/// <summary>A plain <see cref="IGrainState{T}"/> holder.</summary>
/// <typeparam name="T">The state type.</typeparam>
public sealed class GrainState<T> : IGrainState<T>
{
    /// <summary>Creates a holder with the given value.</summary>
    public GrainState(T state) => State = state;

    /// <inheritdoc />
    public T State { get; set; }

    /// <inheritdoc />
    public string? ETag { get; set; }

    /// <inheritdoc />
    public bool RecordExists { get; set; }
}
