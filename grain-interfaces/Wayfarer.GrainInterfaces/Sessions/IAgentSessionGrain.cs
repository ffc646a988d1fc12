using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>An agent conversation of one user about one plan. Keyed by the session id.</summary>
/// <remarks>Only the owning user may read or change it; anyone else gets <see cref="SessionOutcome.NotFound"/>.
/// Every change is persisted before the call returns.</remarks>
public interface IAgentSessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the session for <paramref name="userId"/> on <paramref name="planId"/>.</summary>
    Task<SessionResult<SessionSnapshot>> Start(string userId, string planId);

    /// <summary>Reads the session.</summary>
    [ReadOnly]
    Task<SessionResult<SessionSnapshot>> Get(string callerId);

    /// <summary>Appends a message and records the activity.</summary>
    Task<SessionResult<SessionMessage>> AppendMessage(string callerId, MessageRole role, string content);

    /// <summary>Reads up to <paramref name="limit"/> messages with a sequence above <paramref name="afterSequence"/>.</summary>
    [ReadOnly]
    Task<SessionResult<IReadOnlyList<SessionMessage>>> GetMessages(string callerId, int afterSequence, int limit);

    /// <summary>Sets (or, with a null value, removes) a context entry.</summary>
    Task<SessionResult<SessionSnapshot>> SetContext(string callerId, string key, string? value);

    /// <summary>Sets (or, with a null value, removes) one agent's state blob.</summary>
    Task<SessionResult<SessionSnapshot>> SetAgentState(string callerId, string agent, string? state);

    /// <summary>Removes every message with a sequence above <paramref name="keepThrough"/> (a rolled-back agent run's
    /// messages) and returns the session.</summary>
    Task<SessionResult<SessionSnapshot>> TruncateMessages(string callerId, int keepThrough);

    /// <summary>Deletes the session and its messages. True when there was one to delete.</summary>
    Task<bool> Erase(string callerId);
}
