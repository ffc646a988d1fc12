namespace Wayfarer.Runtime.Invocation;

/// <summary>The result type of requests for methods that return <see cref="Task"/> or <see cref="ValueTask"/>.</summary>
[Immutable]
public readonly record struct VoidResult
{
    /// <summary>The one value.</summary>
    public static readonly VoidResult Value;
}
