using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A plan at one version, as one caller sees it.</summary>
/// <param name="Id">The plan id (the grain key).</param>
/// <param name="OwnerId">The owner's user id.</param>
/// <param name="Content">The content at <paramref name="Version"/>.</param>
/// <param name="Version">The version number, from 1.</param>
/// <param name="CallerRole">The caller's role.</param>
/// <param name="ParentPlanId">The plan this one was branched from.</param>
/// <param name="ParentVersion">The parent's version at the branch.</param>
/// <param name="CreatedAt">When the plan was created.</param>
/// <param name="UpdatedAt">When this version was made.</param>
/// <param name="UpdatedBy">Who made this version.</param>
[Immutable]
public sealed record PlanSnapshot(
    string Id,
    string OwnerId,
    PlanContent Content,
    int Version,
    PlanRole CallerRole,
    string? ParentPlanId,
    int? ParentVersion,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string UpdatedBy);
