using Microsoft.Extensions.Logging;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Plans;

/// <summary>A travel plan: the current content, every version, and the shares. Every call checks the caller's role
/// here, and every change appends a version and is persisted before the call returns.</summary>
[GrainType("plan")]
public sealed partial class PlanGrain(
    [PersistentState("plan")] IPersistentState<PlanState> state,
    TimeProvider timeProvider,
    ILogger<PlanGrain> logger) : Grain, IPlanGrain
{
    /// <inheritdoc />
    public Task<PlanResult<PlanSnapshot>> Create(string callerId, PlanContent content) =>
        CreateCore(callerId, content, null, null, "created");

    /// <inheritdoc />
    public Task<PlanResult<PlanSnapshot>> CreateBranch(string callerId, PlanContent content, string parentPlanId, int parentVersion) =>
        CreateCore(callerId, content, parentPlanId, parentVersion, $"branched from {parentPlanId}@{parentVersion}");

    /// <inheritdoc />
    public async Task<PlanResult<PlanSnapshot>> Update(string callerId, PlanContent content, int? expectedVersion)
    {
        if (Check(callerId, PlanRole.Editor, expectedVersion) is { } refused)
        {
            return refused;
        }

        if (!PlanRules.IsValid(content))
        {
            return new(PlanOutcome.Invalid, null, state.State.Version);
        }

        await AppendVersionAsync(callerId, content, "updated");
        return Ok(callerId);
    }

    /// <inheritdoc />
    public async Task<PlanResult<PlanSnapshot>> Restore(string callerId, int version, int? expectedVersion)
    {
        if (Check(callerId, PlanRole.Editor, expectedVersion) is { } refused)
        {
            return refused;
        }

        if (FindVersion(version) is not { Content: { } content })
        {
            return new(PlanOutcome.Invalid, null, state.State.Version);
        }

        await AppendVersionAsync(callerId, content, $"restored from {version}");
        return Ok(callerId);
    }

    /// <inheritdoc />
    public async Task<PlanResult<PlanSnapshot>> Delete(string callerId, int? expectedVersion)
    {
        if (Check(callerId, PlanRole.Owner, expectedVersion) is { } refused)
        {
            return refused;
        }

        var last = Ok(callerId);
        var ownerId = state.State.OwnerId;
        await state.ClearStateAsync();
        LogDeleted(logger, this.GetPrimaryKeyString());
        await SyncMemoryAsync(ownerId);
        await SyncWatchAsync(ownerId, null);
        DeactivateOnIdle();
        return last;
    }

    /// <inheritdoc />
    public async Task<PlanResult<PlanSnapshot>> Branch(string callerId, string newPlanId, int? fromVersion, string? title)
    {
        ArgumentException.ThrowIfNullOrEmpty(newPlanId);
        if (Check(callerId, PlanRole.Viewer, null) is { } refused)
        {
            return refused;
        }

        var version = fromVersion ?? state.State.Version;
        if (FindVersion(version) is not { Content: { } content })
        {
            return new(PlanOutcome.Invalid, null, state.State.Version);
        }

        var branched = string.IsNullOrWhiteSpace(title) ? content : content with { Title = title };
        return await GrainFactory.GetGrain<IPlanGrain>(newPlanId).CreateBranch(callerId, branched, this.GetPrimaryKeyString(), version);
    }

    /// <inheritdoc />
    public async Task<PlanResult<PlanShare>> Share(string callerId, string userId, PlanRole role)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var callerRole = RoleOf(callerId);
        if (callerRole == PlanRole.None)
        {
            return new(PlanOutcome.NotFound, null);
        }

        if (callerRole != PlanRole.Owner || role is not (PlanRole.Editor or PlanRole.Viewer) || userId == state.State.OwnerId)
        {
            return new(callerRole == PlanRole.Owner ? PlanOutcome.Invalid : PlanOutcome.Forbidden, null, state.State.Version);
        }

        var entry = new PlanShareEntry { Role = role, GrantedBy = callerId, GrantedAt = timeProvider.GetUtcNow() };
        state.State.Shares[userId] = entry;
        await state.WriteStateAsync();
        return new(PlanOutcome.Ok, ToShare(userId, entry), state.State.Version);
    }

    /// <inheritdoc />
    public async Task<PlanResult<PlanShare>> Unshare(string callerId, string userId)
    {
        var callerRole = RoleOf(callerId);
        if (callerRole == PlanRole.None)
        {
            return new(PlanOutcome.NotFound, null);
        }

        if (callerRole != PlanRole.Owner && callerId != userId)
        {
            return new(PlanOutcome.Forbidden, null, state.State.Version);
        }

        if (!state.State.Shares.Remove(userId, out var removed))
        {
            return new(PlanOutcome.Invalid, null, state.State.Version);
        }

        await state.WriteStateAsync();
        return new(PlanOutcome.Ok, ToShare(userId, removed), state.State.Version);
    }

    private async Task<PlanResult<PlanSnapshot>> CreateCore(string callerId, PlanContent content, string? parentPlanId, int? parentVersion, string change)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerId);
        if (state.RecordExists)
        {
            return new(PlanOutcome.AlreadyExists, null, state.State.Version);
        }

        if (!PlanRules.IsValid(content))
        {
            return new(PlanOutcome.Invalid, null);
        }

        var now = timeProvider.GetUtcNow();
        state.State = new PlanState { OwnerId = callerId, CreatedAt = now, ParentPlanId = parentPlanId, ParentVersion = parentVersion };
        await AppendVersionAsync(callerId, content, change);
        LogCreated(logger, this.GetPrimaryKeyString(), parentPlanId);
        return Ok(callerId);
    }

    private async Task AppendVersionAsync(string authorId, PlanContent content, string change)
    {
        var s = state.State;
        var wasConfirmed = s.Plan?.Status == PlanStatus.Confirmed;
        var now = timeProvider.GetUtcNow();
        s.Version++;
        s.Plan = content;
        s.UpdatedAt = now;
        s.UpdatedBy = authorId;
        s.History.Add(new PlanVersionEntry { Version = s.Version, AuthorId = authorId, At = now, Change = change, Content = content });
        await state.WriteStateAsync();
        await SyncMemoryAsync(s.OwnerId);
        if (wasConfirmed || content.Status == PlanStatus.Confirmed)
        {
            await SyncWatchAsync(s.OwnerId, content);
        }
    }

    [LoggerMessage(EventId = 1, EventName = "PlanCreated", Level = LogLevel.Information, Message = "Plan {PlanId} created (parent {ParentPlanId})")]
    private static partial void LogCreated(ILogger logger, string planId, string? parentPlanId);

    [LoggerMessage(EventId = 2, EventName = "PlanDeleted", Level = LogLevel.Information, Message = "Plan {PlanId} deleted")]
    private static partial void LogDeleted(ILogger logger, string planId);
}
