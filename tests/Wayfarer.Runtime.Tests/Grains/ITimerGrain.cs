namespace Wayfarer.Runtime.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(string probe, TimeSpan period, bool keepAlive, bool interleave);

    Task StopTimer();

    Task Work(string probe);

    Task Deactivate();

    Task<Guid> GetActivationId();
}
