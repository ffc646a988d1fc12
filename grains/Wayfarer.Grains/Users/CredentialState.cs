namespace Wayfarer.Grains.Users;

/// <summary>The persisted credentials of a user (state <c>credentials</c>, which no view or request role can read).</summary>
public sealed class CredentialState
{
    /// <summary>The ASP.NET Core Identity password hash (PBKDF2, salted, versioned).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    /// <summary>When the password was last set.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
