namespace Wayfarer.Runtime.Invocation;

/// <summary>One method call on a grain interface: the method and its arguments. Generated per interface method.</summary>
/// <remarks>A request object belongs to exactly one call; the runtime copies mutable arguments before delivery
/// unless the target runs in another process, where they are serialized instead.</remarks>
public abstract class GrainRequest
{
    /// <summary>The interface method this request calls.</summary>
    public abstract MethodDescriptor Method { get; }

    /// <summary>The number of arguments, excluding a <see cref="System.Threading.CancellationToken"/> parameter.</summary>
    public abstract int ArgumentCount { get; }

    /// <summary>Gets the argument at <paramref name="index"/> (boxed).</summary>
    public abstract object? GetArgument(int index);

    /// <summary>Sets the argument at <paramref name="index"/>.</summary>
    public abstract void SetArgument(int index, object? value);

    /// <summary>Replaces every argument with a deep copy made by <paramref name="copier"/> (immutable values are kept).</summary>
    public abstract void CopyArguments(IDeepCopier copier);

    /// <summary>The token handed to the method's <see cref="System.Threading.CancellationToken"/> parameter, if it has one.
    /// The runtime cancels it when the caller cancels or the call times out.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <inheritdoc />
    public override string ToString() => Method.ToString();
}

/// <summary>A request whose method produces <typeparamref name="TResult"/> (<see cref="VoidResult"/> for no result).</summary>
/// <typeparam name="TResult">The result type.</typeparam>
public abstract class GrainRequest<TResult> : GrainRequest
{
    /// <summary>Calls the method on <paramref name="target"/>, which implements <see cref="MethodDescriptor.InterfaceType"/>.</summary>
    public abstract ValueTask<TResult> InvokeAsync(object target);
}
