namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>How a plan call ended.</summary>
public enum PlanOutcome
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such plan, or the caller may not see it (indistinguishable by design).</summary>
    NotFound,

    /// <summary>The caller may see the plan but not do this.</summary>
    Forbidden,

    /// <summary>The expected version is not the current one.</summary>
    VersionMismatch,

    /// <summary>Create was called on a plan that exists.</summary>
    AlreadyExists,

    /// <summary>The arguments are invalid (such as an unknown version number).</summary>
    Invalid,
}
