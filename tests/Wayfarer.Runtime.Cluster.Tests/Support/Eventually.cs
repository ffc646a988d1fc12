using Wayfarer.Runtime.Redis;

namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>Waits for an operation to stop failing transiently (Redis reconnecting), up to a deadline.</summary>
internal static class Eventually
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(50);

    public static Task SucceedsAsync(Func<Task> operation, string expectation) =>
        SucceedsAsync(
            async () =>
            {
                await operation();
                return true;
            },
            expectation);

    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> operation, string expectation)
    {
        using var timer = new PeriodicTimer(s_poll);
        var deadline = DateTime.UtcNow + s_deadline;
        RedisStoreException? last;
        do
        {
            try
            {
                return await operation();
            }
            catch (RedisStoreException exception) when (exception.IsTransient)
            {
                last = exception;
            }
        }
        while (DateTime.UtcNow < deadline && await timer.WaitForNextTickAsync());

        throw new TimeoutException($"Expected {expectation} within {s_deadline.TotalSeconds:0}s, but it still failed: {last.Message}", last);
    }
}
