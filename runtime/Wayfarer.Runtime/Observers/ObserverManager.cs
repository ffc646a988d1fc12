namespace Wayfarer.Runtime.Observers;

/// <summary>Keeps a grain's observer subscriptions and notifies them. Subscriptions expire unless renewed, and an
/// observer whose object was deleted is dropped on the first failed notification.</summary>
/// <typeparam name="TObserver">The observer interface.</typeparam>
/// <remarks>Not thread-safe: use it from the owning grain's turns only (which the runtime serialises).</remarks>
public sealed class ObserverManager<TObserver>
    where TObserver : IGrainObserver
{
    private readonly Dictionary<TObserver, DateTimeOffset> _subscribers = [];
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a manager.</summary>
    /// <param name="expiration">How long a subscription lasts without renewal; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    public ObserverManager(TimeSpan expiration, TimeProvider? timeProvider = null)
    {
        Expiration = expiration;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How long a subscription lasts without renewal.</summary>
    public TimeSpan Expiration { get; }

    /// <summary>The current (unexpired) subscribers.</summary>
    public IReadOnlyCollection<TObserver> Observers
    {
        get
        {
            RemoveExpired();
            return _subscribers.Keys.ToArray();
        }
    }

    /// <summary>The number of current subscribers.</summary>
    public int Count => Observers.Count;

    /// <summary>Adds a subscription.</summary>
    /// <returns>False, changing nothing, when the observer is already subscribed (use <see cref="Renew"/> to extend it).</returns>
    public bool Subscribe(TObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        RemoveExpired();
        return _subscribers.TryAdd(observer, _timeProvider.GetUtcNow());
    }

    /// <summary>Extends an existing subscription; false when there is none.</summary>
    public bool Renew(TObserver observer)
    {
        RemoveExpired();
        if (!_subscribers.ContainsKey(observer))
        {
            return false;
        }

        _subscribers[observer] = _timeProvider.GetUtcNow();
        return true;
    }

    /// <summary>Removes a subscription; false when there was none.</summary>
    public bool Unsubscribe(TObserver observer) => _subscribers.Remove(observer);

    /// <summary>Calls <paramref name="notification"/> on every subscriber concurrently. Subscribers whose object is gone
    /// are removed; other failures are returned, not thrown, so one bad subscriber cannot block the rest.</summary>
    public async Task<IReadOnlyList<Exception>> Notify(Func<TObserver, Task> notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var observers = Observers;
        var calls = observers.Select(async o =>
        {
            try
            {
                await notification(o);
                return (Observer: o, Error: (Exception?)null);
            }
            catch (Exception exception)
            {
                return (Observer: o, Error: exception);
            }
        });
        var results = await Task.WhenAll(calls);
        var errors = new List<Exception>();
        foreach (var (observer, error) in results)
        {
            if (error is ObserverNotFoundException)
            {
                _subscribers.Remove(observer);
            }
            else if (error is not null)
            {
                errors.Add(error);
            }
        }

        return errors;
    }

    private void RemoveExpired()
    {
        if (Expiration == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var cutoff = _timeProvider.GetUtcNow() - Expiration;
        foreach (var (observer, since) in _subscribers.ToArray())
        {
            if (since < cutoff)
            {
                _subscribers.Remove(observer);
            }
        }
    }
}
