using Wayfarer.GrainInterfaces.Sessions;

namespace Wayfarer.Grains.Sessions;

/// <summary>The persisted state of an agent session (state <c>session</c>; the <c>user_sessions</c> view reads it).</summary>
public sealed class AgentSessionState
{
    public string UserId { get; set; } = string.Empty;

    public string PlanId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public List<SessionMessage> Messages { get; set; } = [];

    public Dictionary<string, string> Context { get; set; } = [];

    public Dictionary<string, string> AgentStates { get; set; } = [];
}
