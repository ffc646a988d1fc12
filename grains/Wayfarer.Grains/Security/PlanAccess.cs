using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Plans;

namespace Wayfarer.Grains.Security;

/// <summary>Decides a user's role on a plan from its state: the one place plan access is computed.</summary>
internal static class PlanAccess
{
    public static PlanRole RoleOf(PlanState state, bool exists, string? userId)
    {
        if (!exists || state.Plan is null || string.IsNullOrEmpty(userId))
        {
            return PlanRole.None;
        }

        if (string.Equals(state.OwnerId, userId, StringComparison.Ordinal))
        {
            return PlanRole.Owner;
        }

        return state.Shares.TryGetValue(userId, out var share) ? share.Role : PlanRole.None;
    }
}
