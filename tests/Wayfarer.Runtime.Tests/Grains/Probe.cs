using System.Collections.Concurrent;

namespace Wayfarer.Runtime.Tests.Grains;

/// <summary>Signals shared between tests and test grains, keyed by a unique name per test so tests stay independent.</summary>
public static class Probe
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> s_signals = new();
    private static readonly ConcurrentDictionary<string, int> s_counters = new();
    private static readonly ConcurrentDictionary<string, ConcurrentQueue<string>> s_logs = new();

    public static TaskCompletionSource Signal(string name)
        => s_signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static int Increment(string name) => s_counters.AddOrUpdate(name, 1, (_, v) => v + 1);

    public static int Count(string name) => s_counters.GetValueOrDefault(name);

    public static void Log(string name, string entry) => s_logs.GetOrAdd(name, _ => new ConcurrentQueue<string>()).Enqueue(entry);

    public static IReadOnlyList<string> Entries(string name) => s_logs.TryGetValue(name, out var q) ? q.ToArray() : [];

    /// <summary>Waits for <paramref name="condition"/> to hold, checking every few milliseconds without blocking a thread,
    /// and fails saying what was expected after 20 s.</summary>
    public static async Task WaitUntil(Func<bool> condition, string what)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {what} within 20 s; it did not happen.");
            }

            await timer.WaitForNextTickAsync();
        }
    }

    /// <summary>Waits for a task, failing with a message saying what was expected.</summary>
    public static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Expected {what} within 20 s; still waiting.");
        }
    }

    public static async Task Within(Task task, string what)
    {
        try
        {
            await task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            throw new TimeoutException($"Expected {what} within 20 s; still waiting.");
        }
    }
}
