using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>A session without its messages.</summary>
/// <param name="Id">The session id (the grain key).</param>
/// <param name="UserId">The user it belongs to.</param>
/// <param name="PlanId">The plan it works on.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="LastActivityAt">When a message or context last changed.</param>
/// <param name="MessageCount">How many messages it holds.</param>
/// <param name="Context">Conversation context (key/value).</param>
/// <param name="AgentStates">Per-agent state blobs (key/value), for the agents.</param>
[Immutable]
public sealed record SessionSnapshot(
    string Id,
    string UserId,
    string PlanId,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt,
    int MessageCount,
    IReadOnlyDictionary<string, string> Context,
    IReadOnlyDictionary<string, string> AgentStates);
