using System.Threading.Channels;

namespace Wayfarer.Client.Plans;

/// <summary>A live subscription to a plan's change events; dispose to unsubscribe.</summary>
internal sealed class PlanEventSubscription(ChannelReader<string> reader, Func<Task> unsubscribe) : IAsyncDisposable
{
    public ChannelReader<string> Reader { get; } = reader;

    public async ValueTask DisposeAsync() => await unsubscribe();
}
