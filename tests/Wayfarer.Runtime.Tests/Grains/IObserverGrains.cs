using Wayfarer.Runtime.Observers;

namespace Wayfarer.Runtime.Tests.Grains;

public interface IMessageObserver : IGrainObserver
{
    Task Receive(string message);
}

public interface IPublisherGrain : IGrainWithStringKey
{
    Task<bool> Subscribe(IMessageObserver observer);

    Task<bool> Unsubscribe(IMessageObserver observer);

    Task<int> Publish(string message);
}

public sealed class PublisherGrain : Grain, IPublisherGrain
{
    private readonly ObserverManager<IMessageObserver> _observers = new(TimeSpan.FromMinutes(5));

    public Task<bool> Subscribe(IMessageObserver observer) => Task.FromResult(_observers.Subscribe(observer));

    public Task<bool> Unsubscribe(IMessageObserver observer) => Task.FromResult(_observers.Unsubscribe(observer));

    public async Task<int> Publish(string message)
    {
        await _observers.Notify(o => o.Receive(message));
        return _observers.Count;
    }
}
