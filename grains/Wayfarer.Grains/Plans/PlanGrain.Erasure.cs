using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Grains.Plans;

/// <summary>GDPR erasure support: scrubbing an erased user's id out of a plan the user did not own.</summary>
public sealed partial class PlanGrain
{
    /// <inheritdoc />
    public async Task<bool> ForgetUser(string erasedUserId)
    {
        ArgumentException.ThrowIfNullOrEmpty(erasedUserId);
        var s = state.State;
        if (!state.RecordExists)
        {
            return false;
        }

        var changed = s.Shares.Remove(erasedUserId);
        foreach (var share in s.Shares.Values.Where(v => v.GrantedBy == erasedUserId))
        {
            share.GrantedBy = IPlanGrain.ErasedUserId;
            changed = true;
        }

        foreach (var version in s.History.Where(v => v.AuthorId == erasedUserId))
        {
            version.AuthorId = IPlanGrain.ErasedUserId;
            changed = true;
        }

        if (s.UpdatedBy == erasedUserId)
        {
            s.UpdatedBy = IPlanGrain.ErasedUserId;
            changed = true;
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }

        return changed;
    }
}
