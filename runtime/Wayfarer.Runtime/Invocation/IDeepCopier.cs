namespace Wayfarer.Runtime.Invocation;

/// <summary>Makes deep copies of call arguments and results for in-process calls.</summary>
/// <remarks>Values of immutable types (primitives, strings, enums, <see cref="Guid"/>, date and time types, grain
/// references, types marked <see cref="ImmutableAttribute"/> and <see cref="Immutable{T}"/>) are returned as they are.</remarks>
public interface IDeepCopier
{
    /// <summary>Returns a deep copy of <paramref name="value"/>, or the value itself when it is immutable.</summary>
    T Copy<T>(T value);
}
