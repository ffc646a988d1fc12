namespace Wayfarer.Runtime;

/// <summary>Wraps a value the caller promises not to change, so in-process calls pass it without copying.</summary>
/// <typeparam name="T">The wrapped type.</typeparam>
/// <param name="Value">The wrapped value.</param>
[Immutable]
public readonly record struct Immutable<T>(T Value);
