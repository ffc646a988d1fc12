namespace Wayfarer.Runtime.Tests.Grains;

public sealed class TimeoutGrain : Grain, ITimeoutGrain
{
    public Task<int> Hang(string probe, CancellationToken cancellationToken) => WaitForCancellation(probe, cancellationToken);

    public Task<int> HangUntilCancelled(string probe, CancellationToken cancellationToken) => WaitForCancellation(probe, cancellationToken);

    public Task<string> Ping() => Task.FromResult("pong");

    private static async Task<int> WaitForCancellation(string probe, CancellationToken cancellationToken)
    {
        Probe.Signal(probe + ":entered").TrySetResult();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Probe.Signal(probe + ":cancelled").TrySetResult();
            throw;
        }

        return 0;
    }
}
