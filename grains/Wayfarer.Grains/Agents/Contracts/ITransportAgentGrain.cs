using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The transport agent: estimates flights and ground transport between cities.</summary>
public interface ITransportAgentGrain : IAgentGrain
{
    /// <summary>Estimates one leg of a trip.</summary>
    Task<TransportLeg> EstimateLeg(ResolvedCity from, ResolvedCity to, DateOnly date, TripRequest request, LegKind kind);

    /// <summary>Estimates travel between two named cities (the <c>estimate_transport</c> tool).</summary>
    Task<TransportLeg> Estimate(string from, string to, DateOnly date, int travelers);
}
