using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Sessions;

/// <summary>An agent conversation of one user about one plan; only that user gets past the ownership check.</summary>
[GrainType("session")]
public sealed class AgentSessionGrain(
    [PersistentState("session")] IPersistentState<AgentSessionState> state,
    TimeProvider timeProvider) : Grain, IAgentSessionGrain
{
    /// <summary>The longest message accepted, in characters.</summary>
    public const int MaxMessageLength = 32_000;

    /// <inheritdoc />
    public async Task<SessionResult<SessionSnapshot>> Start(string userId, string planId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        ArgumentException.ThrowIfNullOrEmpty(planId);
        if (state.RecordExists)
        {
            return new(SessionOutcome.AlreadyExists, null);
        }

        var now = timeProvider.GetUtcNow();
        state.State = new AgentSessionState { UserId = userId, PlanId = planId, CreatedAt = now, LastActivityAt = now };
        await state.WriteStateAsync();
        return new(SessionOutcome.Ok, Snapshot());
    }

    /// <inheritdoc />
    public Task<SessionResult<SessionSnapshot>> Get(string callerId) =>
        Task.FromResult(IsOwner(callerId) ? new SessionResult<SessionSnapshot>(SessionOutcome.Ok, Snapshot()) : NotFound<SessionSnapshot>());

    /// <inheritdoc />
    public async Task<SessionResult<SessionMessage>> AppendMessage(string callerId, MessageRole role, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(content.Length, MaxMessageLength);
        if (!IsOwner(callerId))
        {
            return NotFound<SessionMessage>();
        }

        var now = timeProvider.GetUtcNow();
        var message = new SessionMessage(state.State.Messages.Count + 1, role, content, now);
        state.State.Messages.Add(message);
        state.State.LastActivityAt = now;
        await state.WriteStateAsync();
        return new(SessionOutcome.Ok, message);
    }

    /// <inheritdoc />
    public Task<SessionResult<IReadOnlyList<SessionMessage>>> GetMessages(string callerId, int afterSequence, int limit)
    {
        if (!IsOwner(callerId))
        {
            return Task.FromResult(NotFound<IReadOnlyList<SessionMessage>>());
        }

        IReadOnlyList<SessionMessage> page = state.State.Messages.Skip(Math.Max(0, afterSequence)).Take(Math.Clamp(limit, 1, 500)).ToArray();
        return Task.FromResult(new SessionResult<IReadOnlyList<SessionMessage>>(SessionOutcome.Ok, page));
    }

    /// <inheritdoc />
    public Task<SessionResult<SessionSnapshot>> SetContext(string callerId, string key, string? value) =>
        SetEntry(callerId, state.State.Context, key, value);

    /// <inheritdoc />
    public Task<SessionResult<SessionSnapshot>> SetAgentState(string callerId, string agent, string? value) =>
        SetEntry(callerId, state.State.AgentStates, agent, value);

    /// <inheritdoc />
    public async Task<SessionResult<SessionSnapshot>> TruncateMessages(string callerId, int keepThrough)
    {
        if (!IsOwner(callerId))
        {
            return NotFound<SessionSnapshot>();
        }

        var keep = Math.Max(0, keepThrough);
        if (state.State.Messages.Count > keep)
        {
            state.State.Messages.RemoveRange(keep, state.State.Messages.Count - keep);
            state.State.LastActivityAt = timeProvider.GetUtcNow();
            await state.WriteStateAsync();
        }

        return new(SessionOutcome.Ok, Snapshot());
    }

    /// <inheritdoc />
    public async Task<bool> Erase(string callerId)
    {
        if (!IsOwner(callerId))
        {
            return false;
        }

        await state.ClearStateAsync();
        DeactivateOnIdle();
        return true;
    }

    private async Task<SessionResult<SessionSnapshot>> SetEntry(string callerId, Dictionary<string, string> entries, string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!IsOwner(callerId))
        {
            return NotFound<SessionSnapshot>();
        }

        if (value is null)
        {
            entries.Remove(key);
        }
        else
        {
            entries[key] = value;
        }

        state.State.LastActivityAt = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return new(SessionOutcome.Ok, Snapshot());
    }

    private bool IsOwner(string? callerId) =>
        state.RecordExists && !string.IsNullOrEmpty(callerId) && string.Equals(state.State.UserId, callerId, StringComparison.Ordinal);

    private SessionSnapshot Snapshot()
    {
        var s = state.State;
        return new SessionSnapshot(this.GetPrimaryKeyString(), s.UserId, s.PlanId, s.CreatedAt, s.LastActivityAt, s.Messages.Count,
            new Dictionary<string, string>(s.Context), new Dictionary<string, string>(s.AgentStates));
    }

    private static SessionResult<T> NotFound<T>()
        where T : class => new(SessionOutcome.NotFound, null);
}
