namespace Wayfarer.Grains.Agents.Events;

/// <summary>Tells live subscribers (<c>GET /api/plans/{id}/events</c>) that the agents made a plan version.</summary>
public interface IPlanChangeNotifier
{
    /// <summary>Announces a change; best effort (the version itself is already stored).</summary>
    Task NotifyAsync(string planId, string kind, int version);
}
