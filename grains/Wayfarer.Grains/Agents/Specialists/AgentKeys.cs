using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Specialists;

/// <summary>Grain keys of the agents.</summary>
public static class AgentKeys
{
    /// <summary>The key of the stateless specialist agents (any key works; one is used so activations are shared).</summary>
    public const string Shared = "shared";
}
