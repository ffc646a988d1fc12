namespace Wayfarer.GrainInterfaces.Users;

/// <summary>How a user command ended.</summary>
public enum UserOutcome
{
    /// <summary>Done.</summary>
    Ok,

    /// <summary>No such user (never registered, or erased).</summary>
    NotFound,

    /// <summary>Register was called on a user that already exists.</summary>
    AlreadyExists,

    /// <summary>Another user has this e-mail address (the database's unique index refused the write).</summary>
    EmailTaken,

    /// <summary>The password did not match, or the account is inactive.</summary>
    InvalidCredentials,
}
