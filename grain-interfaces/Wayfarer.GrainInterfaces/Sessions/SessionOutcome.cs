namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>How a session call ended.</summary>
public enum SessionOutcome
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such session, or it belongs to another user.</summary>
    NotFound,

    /// <summary>Start was called on a session that exists.</summary>
    AlreadyExists,
}
