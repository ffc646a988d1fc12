namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>What a user may do with a plan; a higher value includes every lower one.</summary>
public enum PlanRole
{
    /// <summary>No access: the plan does not exist for this user.</summary>
    None = 0,

    /// <summary>May read the plan, its history and its shares.</summary>
    Viewer = 1,

    /// <summary>May also change, restore and branch the plan.</summary>
    Editor = 2,

    /// <summary>May also share, unshare and delete it.</summary>
    Owner = 3,
}
