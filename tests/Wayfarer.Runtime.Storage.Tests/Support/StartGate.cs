namespace Wayfarer.Runtime.Storage.Tests.Support;

/// <summary>Starts many operations as close to together as possible: each waits on one signal, then runs on the
/// thread pool.</summary>
internal static class StartGate
{
    public static async Task<IReadOnlyList<Exception?>> RunTogetherAsync(int count, Func<int, Task> operation)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            try
            {
                await operation(i);
                return (Exception?)null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        })).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }
}
