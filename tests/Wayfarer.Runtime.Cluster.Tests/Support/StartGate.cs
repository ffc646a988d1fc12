namespace Wayfarer.Runtime.Cluster.Tests.Support;

/// <summary>Starts many operations as close to together as possible: each waits on one signal, then runs on the
/// thread pool.</summary>
internal static class StartGate
{
    public static async Task<T[]> RunTogetherAsync<T>(int count, Func<int, Task<T>> operation)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await operation(i);
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
