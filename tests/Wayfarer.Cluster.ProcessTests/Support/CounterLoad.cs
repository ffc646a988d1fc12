using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>Steady <c>Increment(1)</c> calls to a fixed set of counter grains from a bounded number of callers,
/// counting per grain what was attempted and what was acknowledged, and every failure by type.</summary>
/// <remarks>A call that fails with a transient error (<see cref="WayfarerException.IsTransient"/> or a
/// <see cref="TimeoutException"/>) is retried on the same grain after a short pause; every try counts as an attempt.
/// A non-transient failure is recorded and the caller moves on.</remarks>
public sealed class CounterLoad : IAsyncDisposable
{
    private static readonly TimeSpan s_retryPause = TimeSpan.FromMilliseconds(50);

    private readonly IGrainFactory _grains;
    private readonly string[] _keys;
    private readonly long[] _attempted;
    private readonly long[] _acknowledged;
    private readonly int _concurrency;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _failuresByType = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _nonTransient = new();
    private readonly ConcurrentDictionary<string, string> _firstMessageByType = new(StringComparer.Ordinal);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private Task[] _workers = [];
    private long _successes;
    private long _failures;
    private long _nonTransientCount;
    private long _maxFailedCallTicks;
    private long _lastFailureTicks = -1;

    /// <summary>Creates the load; nothing runs before <see cref="Start"/>.</summary>
    public CounterLoad(IGrainFactory grains, int grainCount, int concurrency)
    {
        _grains = grains;
        _keys = [.. Enumerable.Range(0, grainCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"counter-{i:D4}"))];
        _attempted = new long[grainCount];
        _acknowledged = new long[grainCount];
        _concurrency = concurrency;
    }

    /// <summary>The grain keys.</summary>
    public IReadOnlyList<string> Keys => _keys;

    /// <summary>Calls acknowledged so far.</summary>
    public long Successes => Interlocked.Read(ref _successes);

    /// <summary>Calls failed so far (transient or not).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Calls failed with a non-transient error.</summary>
    public long NonTransientFailures => Interlocked.Read(ref _nonTransientCount);

    /// <summary>The longest time a failed call took to fail.</summary>
    public TimeSpan MaxFailedCallLatency => TimeSpan.FromTicks(Interlocked.Read(ref _maxFailedCallTicks));

    /// <summary>Time since this load was created.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When the last failure happened (on <see cref="Elapsed"/>'s clock), or null.</summary>
    public TimeSpan? LastFailureAt => Interlocked.Read(ref _lastFailureTicks) is var t and >= 0 ? TimeSpan.FromTicks(t) : null;

    /// <summary>Starts the callers.</summary>
    public void Start() => _workers = [.. Enumerable.Range(0, _concurrency).Select(i => Task.Run(() => RunAsync(i)))];

    /// <summary>Waits until <paramref name="count"/> more calls have been acknowledged.</summary>
    /// <exception cref="TimeoutException">They were not acknowledged within <paramref name="timeout"/>.</exception>
    public async Task WaitForMoreSuccessesAsync(long count, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var target = Successes + count;
        var clock = Stopwatch.StartNew();
        while (Successes < target)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"expected {count} more acknowledged calls within {timeout.TotalSeconds:0}s, saw {count - (target - Successes)}. {Describe()}\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the callers and waits for their in-flight calls to finish (each is bounded by the response timeout).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_workers);
    }

    /// <summary>Grains whose stored value breaks <c>acknowledged ≤ stored ≤ attempted</c>, described; empty when all hold.</summary>
    public IReadOnlyList<string> Violations(IReadOnlyDictionary<string, long> stored)
    {
        var violations = new List<string>();
        for (var i = 0; i < _keys.Length; i++)
        {
            var value = stored.GetValueOrDefault(_keys[i]);
            var acknowledged = Interlocked.Read(ref _acknowledged[i]);
            var attempted = Interlocked.Read(ref _attempted[i]);
            if (value < acknowledged || value > attempted)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{_keys[i]}: acknowledged {acknowledged}, stored {value}, attempted {attempted}"));
            }
        }

        return violations;
    }

    /// <summary>Totals and failures by type, for messages.</summary>
    public string Describe()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{Successes} acknowledged, {Failures} failed (max failed-call latency {MaxFailedCallLatency.TotalMilliseconds:0} ms)");
        foreach (var (type, count) in _failuresByType.OrderByDescending(p => p.Value))
        {
            text.Append(CultureInfo.InvariantCulture, $"; {type}: {count}");
        }

        foreach (var (type, message) in _firstMessageByType)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  first {type} {message}");
        }

        foreach (var message in _nonTransient.Take(5))
        {
            text.Append("\n  non-transient: ").Append(message);
        }

        return text.ToString();
    }

    /// <summary>Whether the runtime says a retry may succeed.</summary>
    public static bool IsTransient(Exception exception)
        => exception is WayfarerException { IsTransient: true } or TimeoutException;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(int worker)
    {
        var random = new Random(worker);
        var index = random.Next(_keys.Length);
        while (!_stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref _attempted[index]);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await _grains.GetGrain<ICounterGrain>(_keys[index]).Increment(1);
                Interlocked.Increment(ref _acknowledged[index]);
                Interlocked.Increment(ref _successes);
                index = random.Next(_keys.Length);
            }
            catch (Exception exception)
            {
                var took = Stopwatch.GetElapsedTime(started);
                Interlocked.Increment(ref _failures);
                Interlocked.Exchange(ref _lastFailureTicks, _clock.Elapsed.Ticks);
                UpdateMax(ref _maxFailedCallTicks, took.Ticks);
                _failuresByType.AddOrUpdate(exception.GetType().Name, 1, (_, n) => n + 1);
                _firstMessageByType.TryAdd(exception.GetType().Name, $"at {_clock.Elapsed.TotalSeconds:0.0}s: {exception.Message}");
                if (IsTransient(exception))
                {
                    try
                    {
                        await Task.Delay(s_retryPause, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }
                else
                {
                    Interlocked.Increment(ref _nonTransientCount);
                    if (_nonTransient.Count < 20)
                    {
                        _nonTransient.Enqueue($"{exception.GetType().FullName}: {exception.Message}");
                    }

                    index = random.Next(_keys.Length);
                }
            }
        }
    }

    private static void UpdateMax(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
