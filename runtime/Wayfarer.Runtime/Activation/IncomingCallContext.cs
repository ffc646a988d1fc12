using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

/// <summary>Runs the incoming filter pipeline: silo filters in registration order, then the grain's own filter, then the
/// method. <see cref="Invoke"/> may be called again by a filter to retry what follows it.</summary>
internal sealed class IncomingCallContext<TResult>(GrainRequest<TResult> request, ActivationData activation, IIncomingGrainCallFilter[] filters)
    : IIncomingGrainCallContext
{
    private int _stage;

    public TResult TypedResult { get; private set; } = default!;

    public GrainRequest Request => request;

    public MethodDescriptor Method => request.Method;

    public GrainId TargetId => activation.GrainId;

    public object Grain => activation.Instance!;

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
            if (stage < filters.Length)
            {
                await filters[stage].Invoke(this);
            }
            else if (stage == filters.Length && activation.Instance is IIncomingGrainCallFilter grainFilter)
            {
                await grainFilter.Invoke(this);
            }
            else
            {
                TypedResult = await request.InvokeAsync(activation.Instance!);
            }
        }
        finally
        {
            _stage = stage;
        }
    }
}
