namespace Wayfarer.Runtime.Activation;

/// <summary>The activation's serial scheduler: a synchronization context whose work items run one at a time on the
/// thread pool. Every await in grain code resumes here (unless it opts out with ConfigureAwait(false)), so an
/// activation's code never runs on two threads at once.</summary>
internal sealed partial class ActivationData : SynchronizationContext, IThreadPoolWorkItem
{
    private const int WorkItemsPerQuantum = 64;
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _work = new();
    private bool _workScheduled;

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_work)
        {
            _work.Enqueue((d, state));
            if (_workScheduled)
            {
                return;
            }

            _workScheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <inheritdoc />
    public override void Send(SendOrPostCallback d, object? state)
        => throw new NotSupportedException("Synchronous Send would block a grain turn; use Post or await.");

    /// <inheritdoc />
    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var i = 0; i < WorkItemsPerQuantum; i++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_work)
                {
                    if (!_work.TryDequeue(out item))
                    {
                        _workScheduled = false;
                        return;
                    }
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    // Work items are await continuations and runtime callbacks that handle their own errors; one that
                    // escapes must not kill the process or stall the activation.
                    Log.UnhandledWorkItemException(_logger, exception, GrainId);
                }
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        // Quantum used up with work left: yield the thread so other activations get their turn.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>Runs <paramref name="action"/> as a work item on this activation's scheduler.</summary>
    private void Schedule(Action<ActivationData> action) => Post(static s => { var (a, f) = ((ActivationData, Action<ActivationData>))s!; f(a); }, (this, action));
}
