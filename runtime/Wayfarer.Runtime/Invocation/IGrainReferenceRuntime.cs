namespace Wayfarer.Runtime.Invocation;

/// <summary>What a grain reference sends its calls through: the silo's runtime or a cluster client.</summary>
public interface IGrainReferenceRuntime
{
    /// <summary>The factory references made by this runtime belong to.</summary>
    IGrainFactory GrainFactory { get; }

    /// <summary>Sends a request and returns its result.</summary>
    /// <param name="target">The reference the call was made on.</param>
    /// <param name="request">The request; owned by the runtime from now on.</param>
    /// <param name="cancellationToken">Cancels the call: the caller gets <see cref="OperationCanceledException"/> and the
    /// callee's token is cancelled.</param>
    Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CancellationToken cancellationToken);

    /// <summary>Sends a one-way request: no result, no error, no waiting.</summary>
    void InvokeOneWay(GrainReference target, GrainRequest request);
}
