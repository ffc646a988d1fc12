using System.Collections.Concurrent;
using Wayfarer.Runtime.Tests.Grains;

namespace Wayfarer.Runtime.Tests.Features;

[Trait("Category", "Unit")]
public sealed class ObserverTests
{
    [Fact]
    public async Task AnObserverIsNotifiedRejectsADuplicateSubscriptionAndStopsAfterUnsubscribing()
    {
        await using var cluster = await Clusters.StartAsync();
        var publisher = cluster.GrainFactory.GetGrain<IPublisherGrain>(Clusters.Unique("pub"));
        var receiver = new Receiver();
        var reference = cluster.GrainFactory.CreateObjectReference<IMessageObserver>(receiver);

        Assert.True(await publisher.Subscribe(reference));
        Assert.False(await publisher.Subscribe(reference));
        Assert.Equal(1, await publisher.Publish("one"));

        Assert.True(await publisher.Unsubscribe(reference));
        Assert.Equal(0, await publisher.Publish("two"));

        Assert.Equal(["one"], receiver.Messages);
    }

    [Fact]
    public async Task ADeletedObjectReferenceFailsAndIsDroppedBySubscribers()
    {
        await using var cluster = await Clusters.StartAsync();
        var publisher = cluster.GrainFactory.GetGrain<IPublisherGrain>(Clusters.Unique("pub"));
        var receiver = new Receiver();
        var reference = cluster.GrainFactory.CreateObjectReference<IMessageObserver>(receiver);
        await publisher.Subscribe(reference);

        cluster.GrainFactory.DeleteObjectReference<IMessageObserver>(receiver);

        await Assert.ThrowsAsync<ObserverNotFoundException>(() => reference.Receive("direct"));
        Assert.Equal(0, await publisher.Publish("after delete"));
        Assert.Empty(receiver.Messages);
    }

    private sealed class Receiver : IMessageObserver
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyList<string> Messages => _messages.ToArray();

        public Task Receive(string message)
        {
            _messages.Enqueue(message);
            return Task.CompletedTask;
        }
    }
}
