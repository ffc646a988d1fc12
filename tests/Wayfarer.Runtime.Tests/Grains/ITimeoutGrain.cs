namespace Wayfarer.Runtime.Tests.Grains;

public interface ITimeoutGrain : IGrainWithStringKey
{
    [ResponseTimeout("00:00:00.300")]
    Task<int> Hang(string probe, CancellationToken cancellationToken);

    Task<int> HangUntilCancelled(string probe, CancellationToken cancellationToken);

    Task<string> Ping();
}
