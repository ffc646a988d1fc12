namespace Wayfarer.Runtime.Invocation;

/// <summary>The base of every generated grain proxy: a grain id plus the interface it is viewed through.</summary>
/// <remarks>References are cheap, immutable, safe to share across threads, equal when they name the same grain and
/// interface, and serializable (as grain id + interface name), so they can be passed as call arguments.</remarks>
public abstract class GrainReference : IAddressable, IEquatable<GrainReference>
{
    /// <summary>Creates a reference.</summary>
    protected GrainReference(IGrainReferenceRuntime runtime, Type interfaceType, GrainId grainId)
    {
        Runtime = runtime;
        InterfaceType = interfaceType;
        GrainId = grainId;
    }

    /// <summary>The grain this reference names.</summary>
    public GrainId GrainId { get; }

    /// <summary>The grain interface this reference implements.</summary>
    public Type InterfaceType { get; }

    /// <summary>The runtime calls are sent through.</summary>
    public IGrainReferenceRuntime Runtime { get; }

    /// <summary>Sends a request and returns its result.</summary>
    protected Task<TResult> InvokeAsync<TResult>(GrainRequest<TResult> request, CancellationToken cancellationToken = default)
        => Runtime.InvokeAsync(this, request, cancellationToken);

    /// <summary>Sends a one-way request.</summary>
    protected Task InvokeOneWay(GrainRequest request)
    {
        Runtime.InvokeOneWay(this, request);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public bool Equals(GrainReference? other) => other is not null && GrainId == other.GrainId && InterfaceType == other.InterfaceType;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GrainId, InterfaceType);

    /// <inheritdoc />
    public override string ToString() => $"{InterfaceType.Name}:{GrainId}";
}
