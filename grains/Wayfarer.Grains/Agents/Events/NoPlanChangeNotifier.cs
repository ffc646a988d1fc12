namespace Wayfarer.Grains.Agents.Events;

/// <summary>Used where no Redis is configured (a silo running alone): there is no one to tell.</summary>
internal sealed class NoPlanChangeNotifier : IPlanChangeNotifier
{
    public Task NotifyAsync(string planId, string kind, int version) => Task.CompletedTask;
}
