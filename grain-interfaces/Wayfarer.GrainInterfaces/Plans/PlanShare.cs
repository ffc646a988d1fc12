using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A user's access to a plan.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Role">The role.</param>
/// <param name="GrantedBy">Who granted it.</param>
/// <param name="GrantedAt">When.</param>
[Immutable]
public sealed record PlanShare(string UserId, PlanRole Role, string GrantedBy, DateTimeOffset GrantedAt);
