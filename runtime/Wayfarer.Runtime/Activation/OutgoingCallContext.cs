using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

/// <summary>Runs the outgoing filter pipeline in registration order, then sends the call. <see cref="Invoke"/> may be
/// called again by a filter to retry (the call is sent again).</summary>
internal sealed class OutgoingCallContext<TResult>(
    SiloRuntime runtime, GrainReference reference, GrainRequest<TResult> request, CancellationToken cancellationToken, GrainId? sourceId)
    : IOutgoingGrainCallContext
{
    private int _stage;

    public TResult TypedResult { get; private set; } = default!;

    public GrainRequest Request => request;

    public MethodDescriptor Method => request.Method;

    public GrainId TargetId => reference.GrainId;

    public GrainReference Reference => reference;

    public GrainId? SourceId => sourceId;

    public object? Result
    {
        get => TypedResult;
        set => TypedResult = (TResult)value!;
    }

    public async Task Invoke()
    {
        var stage = _stage++;
        try
        {
            if (stage < runtime.OutgoingFilters.Length)
            {
                await runtime.OutgoingFilters[stage].Invoke(this);
            }
            else
            {
                TypedResult = await runtime.SendRequest(reference.GrainId, request, cancellationToken);
            }
        }
        finally
        {
            _stage = stage;
        }
    }
}
