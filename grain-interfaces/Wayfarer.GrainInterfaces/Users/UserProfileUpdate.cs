using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A partial update of a user's profile: null members are left unchanged.</summary>
/// <param name="Email">New e-mail address.</param>
/// <param name="Username">New display name.</param>
/// <param name="FirstName">New given name.</param>
/// <param name="LastName">New family name.</param>
/// <param name="Phone">New phone number (E.164).</param>
/// <param name="DateOfBirth">New date of birth.</param>
/// <param name="Profile">New free-form profile (replaces the old one whole).</param>
[Immutable]
public sealed record UserProfileUpdate(
    string? Email = null,
    string? Username = null,
    string? FirstName = null,
    string? LastName = null,
    string? Phone = null,
    DateOnly? DateOfBirth = null,
    UserProfileDetails? Profile = null);
