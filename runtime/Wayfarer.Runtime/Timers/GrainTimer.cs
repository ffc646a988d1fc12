using Wayfarer.Runtime.Activation;

namespace Wayfarer.Runtime.Timers;

/// <summary>A grain timer: each tick is queued as a turn of its activation; the next tick is armed only after the
/// callback finishes, so ticks never overlap.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<CancellationToken, Task> _callback;
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private GrainTimerCreationOptions _options;
    private ITimer? _timer;
    private int _generation;

    public GrainTimer(ActivationData activation, Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ValidatePeriod(options.DueTime, nameof(options.DueTime));
        ValidatePeriod(options.Period, nameof(options.Period));
        _activation = activation;
        _callback = callback;
        _options = options;
    }

    public void Start() => Arm(_options.DueTime);

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        ValidatePeriod(dueTime, nameof(dueTime));
        ValidatePeriod(period, nameof(period));
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _options = _options with { DueTime = dueTime, Period = period };
            _generation++;
        }

        Arm(dueTime);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            _timer?.Dispose();
            _timer = null;
        }

        _activation.OnTimerDisposed(this);
    }

    private void Arm(TimeSpan due)
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested || due == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            _timer?.Dispose();
            var generation = _generation;
            _timer = _activation.Runtime.TimeProvider.CreateTimer(
                static s => { var (t, g) = ((GrainTimer, int))s!; t.OnDue(g); }, (this, generation), due, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnDue(int generation)
    {
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested || generation != _generation)
            {
                return;
            }
        }

        if (_activation.State != Activation.ActivationState.Valid)
        {
            Dispose();
            return;
        }

        var tick = new TimerTickMessage(this) { IsAlwaysInterleave = _options.Interleave, KeepsAlive = _options.KeepAlive };
        if (!_activation.TryEnqueue(tick))
        {
            Dispose();
        }
    }

    internal async Task TickAsync()
    {
        int generation;
        lock (_lock)
        {
            generation = _generation;
        }

        try
        {
            if (!_disposed.IsCancellationRequested)
            {
                await _callback(_disposed.Token);
            }
        }
        finally
        {
            bool rearm;
            TimeSpan period;
            lock (_lock)
            {
                period = _options.Period;
                rearm = generation == _generation;
            }

            if (rearm)
            {
                Arm(period);
            }
        }
    }

    private static void ValidatePeriod(TimeSpan value, string name)
    {
        if (value < TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be zero or more, or Timeout.InfiniteTimeSpan.");
        }
    }
}
