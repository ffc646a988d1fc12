using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A travel plan with its full version history and its shares. Keyed by the plan id.</summary>
/// <remarks>Every call names the calling user and the grain checks that user's role itself, so no caller can
/// skip the check. A caller without a role gets <see cref="PlanOutcome.NotFound"/>, exactly as for a plan that does
/// not exist. Every change makes a new version (numbered from 1) and is persisted before the call returns.
/// Writes take an optional expected version for optimistic concurrency.</remarks>
public interface IPlanGrain : IGrainWithStringKey
{
    /// <summary>What replaces an erased user's id in a plan's history.</summary>
    const string ErasedUserId = "erased-user";

    /// <summary>Creates the plan at version 1, owned by <paramref name="callerId"/>.</summary>
    Task<PlanResult<PlanSnapshot>> Create(string callerId, PlanContent content);

    /// <summary>Creates the plan as a branch of another (used by <see cref="Branch"/>).</summary>
    Task<PlanResult<PlanSnapshot>> CreateBranch(string callerId, PlanContent content, string parentPlanId, int parentVersion);

    /// <summary>Reads the current version.</summary>
    [ReadOnly]
    Task<PlanResult<PlanSnapshot>> Get(string callerId);

    /// <summary>Replaces the content, making a new version (editor or owner).</summary>
    Task<PlanResult<PlanSnapshot>> Update(string callerId, PlanContent content, int? expectedVersion);

    /// <summary>Deletes the plan with its history (owner only).</summary>
    Task<PlanResult<PlanSnapshot>> Delete(string callerId, int? expectedVersion);

    /// <summary>Lists every version, oldest first.</summary>
    [ReadOnly]
    Task<PlanResult<IReadOnlyList<PlanVersionInfo>>> GetHistory(string callerId);

    /// <summary>Reads an old version.</summary>
    [ReadOnly]
    Task<PlanResult<PlanSnapshot>> GetVersion(string callerId, int version);

    /// <summary>Compares two versions.</summary>
    [ReadOnly]
    Task<PlanResult<PlanDiff>> Diff(string callerId, int fromVersion, int toVersion);

    /// <summary>Makes a new version whose content is that of an old one (editor or owner).</summary>
    Task<PlanResult<PlanSnapshot>> Restore(string callerId, int version, int? expectedVersion);

    /// <summary>Creates plan <paramref name="newPlanId"/>, owned by the caller, from a version of this one (any role
    /// that can see the plan); the new plan records this one as its parent.</summary>
    Task<PlanResult<PlanSnapshot>> Branch(string callerId, string newPlanId, int? fromVersion, string? title);

    /// <summary>Grants or changes a user's role (owner only; the role must be editor or viewer).</summary>
    Task<PlanResult<PlanShare>> Share(string callerId, string userId, PlanRole role);

    /// <summary>Removes a user's role: the owner may remove anyone, any member may remove themself.</summary>
    Task<PlanResult<PlanShare>> Unshare(string callerId, string userId);

    /// <summary>Removes every trace of an erased user from this plan: the user's share, and the user's id as author,
    /// granter or last editor (replaced by <see cref="ErasedUserId"/>). Only the erasure path calls it; it reveals
    /// nothing. True when anything changed.</summary>
    Task<bool> ForgetUser(string erasedUserId);

    /// <summary>Lists the shares.</summary>
    [ReadOnly]
    Task<PlanResult<IReadOnlyList<PlanShare>>> GetShares(string callerId);
}
