using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Security;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Plans;

/// <summary>The read side of the plan grain, and the access checks every call starts with.</summary>
public sealed partial class PlanGrain
{
    /// <inheritdoc />
    public Task<PlanResult<PlanSnapshot>> Get(string callerId) =>
        Task.FromResult(Check(callerId, PlanRole.Viewer, null) ?? Ok(callerId));

    /// <inheritdoc />
    public Task<PlanResult<IReadOnlyList<PlanVersionInfo>>> GetHistory(string callerId)
    {
        if (RoleOf(callerId) == PlanRole.None)
        {
            return Task.FromResult(new PlanResult<IReadOnlyList<PlanVersionInfo>>(PlanOutcome.NotFound, null));
        }

        IReadOnlyList<PlanVersionInfo> history = state.State.History.Select(v => new PlanVersionInfo(v.Version, v.AuthorId, v.At, v.Change)).ToArray();
        return Task.FromResult(new PlanResult<IReadOnlyList<PlanVersionInfo>>(PlanOutcome.Ok, history, state.State.Version));
    }

    /// <inheritdoc />
    public Task<PlanResult<PlanSnapshot>> GetVersion(string callerId, int version)
    {
        var role = RoleOf(callerId);
        if (role == PlanRole.None)
        {
            return Task.FromResult(new PlanResult<PlanSnapshot>(PlanOutcome.NotFound, null));
        }

        return Task.FromResult(FindVersion(version) is { Content: { } content } entry
            ? new PlanResult<PlanSnapshot>(PlanOutcome.Ok, Snapshot(content, entry.Version, role, entry.At, entry.AuthorId), state.State.Version)
            : new PlanResult<PlanSnapshot>(PlanOutcome.Invalid, null, state.State.Version));
    }

    /// <inheritdoc />
    public Task<PlanResult<PlanDiff>> Diff(string callerId, int fromVersion, int toVersion)
    {
        if (RoleOf(callerId) == PlanRole.None)
        {
            return Task.FromResult(new PlanResult<PlanDiff>(PlanOutcome.NotFound, null));
        }

        if (FindVersion(fromVersion) is not { Content: { } from } || FindVersion(toVersion) is not { Content: { } to })
        {
            return Task.FromResult(new PlanResult<PlanDiff>(PlanOutcome.Invalid, null, state.State.Version));
        }

        var diff = new PlanDiff(fromVersion, toVersion, PlanDiffer.Diff(from, to));
        return Task.FromResult(new PlanResult<PlanDiff>(PlanOutcome.Ok, diff, state.State.Version));
    }

    /// <inheritdoc />
    public Task<PlanResult<IReadOnlyList<PlanShare>>> GetShares(string callerId)
    {
        if (RoleOf(callerId) == PlanRole.None)
        {
            return Task.FromResult(new PlanResult<IReadOnlyList<PlanShare>>(PlanOutcome.NotFound, null));
        }

        IReadOnlyList<PlanShare> shares = state.State.Shares.Select(s => ToShare(s.Key, s.Value)).OrderBy(s => s.GrantedAt).ToArray();
        return Task.FromResult(new PlanResult<IReadOnlyList<PlanShare>>(PlanOutcome.Ok, shares, state.State.Version));
    }

    private PlanRole RoleOf(string? callerId) => PlanAccess.RoleOf(state.State, state.RecordExists, callerId);

    /// <summary>Null when the caller has at least <paramref name="required"/> and the expected version (if any) is current;
    /// otherwise the refusal: not found without any role, forbidden with too low a role, version mismatch.</summary>
    private PlanResult<PlanSnapshot>? Check(string callerId, PlanRole required, int? expectedVersion)
    {
        var role = RoleOf(callerId);
        if (role == PlanRole.None)
        {
            return new(PlanOutcome.NotFound, null);
        }

        if (role < required)
        {
            return new(PlanOutcome.Forbidden, null, state.State.Version);
        }

        return expectedVersion is { } expected && expected != state.State.Version
            ? new(PlanOutcome.VersionMismatch, null, state.State.Version)
            : null;
    }

    private PlanVersionEntry? FindVersion(int version) =>
        version >= 1 && version <= state.State.History.Count ? state.State.History[version - 1] : null;

    private PlanResult<PlanSnapshot> Ok(string callerId)
    {
        var s = state.State;
        return new(PlanOutcome.Ok, Snapshot(s.Plan!, s.Version, RoleOf(callerId), s.UpdatedAt, s.UpdatedBy), s.Version);
    }

    private PlanSnapshot Snapshot(PlanContent content, int version, PlanRole role, DateTimeOffset at, string by) =>
        new(this.GetPrimaryKeyString(), state.State.OwnerId, content, version, role, state.State.ParentPlanId, state.State.ParentVersion,
            state.State.CreatedAt, at, by);

    private static PlanShare ToShare(string userId, PlanShareEntry entry) => new(userId, entry.Role, entry.GrantedBy, entry.GrantedAt);
}
