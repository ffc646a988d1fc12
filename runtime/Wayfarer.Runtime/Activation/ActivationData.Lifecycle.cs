using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Timers;

namespace Wayfarer.Runtime.Activation;

internal sealed partial class ActivationData
{
    private readonly List<IStateLoader> _states = [];
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Makes this activation serve calls on <paramref name="instance"/> (an observer object) with no grain lifecycle.</summary>
    public void ActivateAsObserver(object instance)
    {
        lock (_lock)
        {
            Instance = instance;
            _state = ActivationState.Valid;
        }
    }

    /// <summary>A directory entry on a dead silo this activation replaces when it registers (cluster only).</summary>
    public Directory.GrainAddress? PreviousRegistration { get; set; }

    private bool _registered;

    private async Task ActivateAsync()
    {
        var started = Runtime.TimeProvider.GetTimestamp();
        if (Runtime.IsClustered && WorkerGroup is null && !Type.IsObserver)
        {
            Directory.GrainAddress winner;
            try
            {
                winner = await Runtime.RegisterAsync(this);
            }
            catch (Exception exception)
            {
                FailActivation(exception);
                return;
            }

            if (winner.ActivationId != ActivationId)
            {
                LoseRegistration(winner);
                return;
            }

            _registered = true;
        }

        try
        {
            CallContext.Current = new CallContext(this, null);
            var previous = t_underConstruction;
            t_underConstruction = this;
            try
            {
                Instance = Type.CreateInstance(Runtime.Services, this);
            }
            finally
            {
                t_underConstruction = previous;
            }

            foreach (var state in _states)
            {
                await state.LoadAsync();
            }

            if (Instance is Grain grain)
            {
                using var cts = new CancellationTokenSource(Runtime.Options.ActivationTimeout, Runtime.TimeProvider);
                await grain.OnActivateAsync(cts.Token);
            }
        }
        catch (Exception exception)
        {
            Log.ActivationFailed(_logger, exception, GrainId);
            Runtime.Metrics.ActivationFailures.Add(1);
            CallContext.Current = null;
            FailActivation(exception);
            return;
        }

        CallContext.Current = null;
        Runtime.Metrics.ActivationsCreated.Add(1);
        Runtime.Metrics.RecordActivationDuration(Runtime.TimeProvider.GetElapsedTime(started));
        lock (_lock)
        {
            _state = ActivationState.Valid;
            _lastActivityTimestamp = Runtime.TimeProvider.GetTimestamp();
            StartRunnableMessages();
        }
    }

    /// <summary>Another activation won the directory: hand every queued call to it; callers see no error.</summary>
    private void LoseRegistration(Directory.GrainAddress winner)
    {
        Runtime.Catalog.Remove(this);
        var waiting = Invalidate();

        Log.RegistrationLost(_logger, GrainId, waiting.Count);
        _deactivated.TrySetResult();
        Runtime.ForwardToWinner(waiting.Where(m => m.Request is not null && !m.IsCompleted), winner);
    }

    private void FailActivation(Exception exception)
    {
        if (_registered)
        {
            _ = Runtime.UnregisterAsync(this);
        }

        Runtime.Catalog.Remove(this);
        var waiting = Invalidate();

        foreach (var message in waiting)
        {
            message.Fail(exception);
        }

        _deactivated.TrySetResult();
    }

    private async Task DeactivateAsync(DeactivationReason reason)
    {
        foreach (var timer in _timers.ToArray())
        {
            timer.Dispose();
        }

        if (Instance is Grain grain)
        {
            try
            {
                CallContext.Current = new CallContext(this, null);
                using var cts = new CancellationTokenSource(Runtime.Options.DeactivationTimeout, Runtime.TimeProvider);
                await grain.OnDeactivateAsync(reason, cts.Token);
            }
            catch (Exception exception)
            {
                Log.DeactivationFailed(_logger, exception, GrainId, reason);
            }
            finally
            {
                CallContext.Current = null;
            }
        }

        if (_registered)
        {
            // Before leaving the catalog: calls queued meanwhile must not recreate the grain while the old entry stands.
            await Runtime.UnregisterAsync(this);
        }

        Runtime.Catalog.Remove(this);
        var waiting = Invalidate();

        Runtime.Metrics.ActivationsDeactivated.Add(1);
        Log.Deactivated(_logger, GrainId, reason);
        _deactivated.TrySetResult();

        // Calls that arrived while deactivating go to a fresh activation: callers see no error. Timer ticks die with
        // the activation that owned the timer.
        foreach (var message in waiting)
        {
            if (!message.IsCompleted && message.Request is not null)
            {
                Runtime.Forward(message, GrainId);
            }
        }
    }

    /// <summary>Creates a persistent state bound to this activation; it is loaded before OnActivateAsync.</summary>
    public IPersistentState<T> CreatePersistentState<T>(string stateName, string? storageName)
    {
        var storage = Runtime.GetStorage(storageName);
        var state = new PersistentState<T>(stateName, storageName ?? GrainStorageNames.Default, this, storage);
        _states.Add(state);
        return state;
    }

    public IGrainTimer RegisterTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        var timer = new GrainTimer(this, callback, options);
        _timers.Add(timer);
        timer.Start();
        return timer;
    }

    public void OnTimerDisposed(GrainTimer timer) => Post(static s => { var (a, t) = ((ActivationData, GrainTimer))s!; a._timers.Remove(t); }, (this, timer));

    /// <summary>Marks the activation gone and takes the messages still waiting in its inbox.</summary>
    private List<Message> Invalidate()
    {
        lock (_lock)
        {
            _state = ActivationState.Invalid;
            List<Message> waiting = [.. _inbox];
            _inbox.Clear();
            _interleaveCandidates = 0;
            return waiting;
        }
    }
}
