using StackExchange.Redis;

namespace Wayfarer.Runtime.Redis;

/// <summary>Runs one Redis command with a deadline and cancellation (the 1.2 client has neither for asynchronous
/// commands) and turns client failures into <see cref="RedisStoreException"/>.</summary>
internal static class RedisCall
{
    private static readonly string[] s_transientErrors = ["LOADING", "BUSY", "TRYAGAIN", "MASTERDOWN", "READONLY", "CLUSTERDOWN"];

    public static async Task<T> RunAsync<T>(Func<Task<T>> command, string operation, string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Task<T>? pending = null;
        try
        {
            pending = command();
            return await pending.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RedisConnectionException exception)
        {
            throw Failure(operation, key, "could not reach Redis", exception, isTransient: true);
        }
        catch (TimeoutException exception)
        {
            Observe(pending);
            throw Failure(operation, key, "timed out; the command may or may not have run", exception, isTransient: true);
        }
        catch (RedisServerException exception)
        {
            var transient = s_transientErrors.Any(code => exception.Message.StartsWith(code, StringComparison.Ordinal));
            throw Failure(operation, key, "was refused by Redis", exception, transient);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Observe(pending);
            throw;
        }
    }

    private static RedisStoreException Failure(string operation, string key, string what, Exception exception, bool isTransient) =>
        new($"Redis {operation} of key '{key}' {what}: {exception.Message}", exception, isTransient)
        {
            Operation = operation,
            Key = key,
        };

    // A command abandoned by its deadline or token may still fail later; observe it so the failure is not reported
    // as an unobserved task exception.
    private static void Observe(Task? pending) =>
        pending?.ContinueWith(static task => task.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
