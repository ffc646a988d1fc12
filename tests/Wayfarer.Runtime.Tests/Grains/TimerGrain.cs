using Wayfarer.Runtime.Timers;

namespace Wayfarer.Runtime.Tests.Grains;

public sealed class TimerGrain : Grain, ITimerGrain
{
    private IGrainTimer? _timer;
    private int _running;

    public Task StartTimer(string probe, TimeSpan period, bool keepAlive, bool interleave)
    {
        _timer = RegisterGrainTimer(
            async (p, ct) =>
            {
                Enter(p);
                Probe.Increment(p + ":ticks");
                await Task.Yield();
                await Task.Yield();
                Leave();
            },
            probe,
            new GrainTimerCreationOptions(period, period) { KeepAlive = keepAlive, Interleave = interleave });
        return Task.CompletedTask;
    }

    public Task StopTimer()
    {
        _timer?.Dispose();
        return Task.CompletedTask;
    }

    public async Task Work(string probe)
    {
        Enter(probe);
        await Task.Yield();
        await Task.Yield();
        Leave();
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<Guid> GetActivationId() => Task.FromResult(ActivationId.Value);

    private void Enter(string probe)
    {
        if (++_running > 1)
        {
            Probe.Increment(probe + ":overlaps");
        }
    }

    private void Leave() => _running--;
}
