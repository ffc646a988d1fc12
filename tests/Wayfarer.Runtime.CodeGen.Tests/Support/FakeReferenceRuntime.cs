using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.CodeGen.Tests.Support;

/// <summary>A reference runtime that records each request and delivers it in-process to <see cref="Target"/>, as the
/// silo does: copy the arguments, hand the callee a token, invoke.</summary>
internal sealed class FakeReferenceRuntime(object target) : IGrainReferenceRuntime
{
    public object Target { get; } = target;

    public List<GrainRequest> Requests { get; } = [];

    public List<GrainRequest> OneWayRequests { get; } = [];

    public CancellationToken LastCallerToken { get; private set; }

    public CancellationToken CalleeToken { get; set; }

    public RecordingCopier Copier { get; } = new();

    public IGrainFactory GrainFactory => throw new NotSupportedException("not needed by these tests");

    public Task<TResult> InvokeAsync<TResult>(GrainReference target, GrainRequest<TResult> request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        LastCallerToken = cancellationToken;
        request.CopyArguments(Copier);
        request.CancellationToken = CalleeToken;
        return request.InvokeAsync(Target).AsTask();
    }

    public void InvokeOneWay(GrainReference target, GrainRequest request) => OneWayRequests.Add(request);
}
