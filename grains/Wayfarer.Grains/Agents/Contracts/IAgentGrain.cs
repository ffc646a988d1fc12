using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>Marks an agent grain: every call from one agent grain to another is recorded in
/// <c>agent_communications</c> by a call filter. Agent grain types are named <c>agent-*</c>.</summary>
public interface IAgentGrain : IGrainWithStringKey
{
}
