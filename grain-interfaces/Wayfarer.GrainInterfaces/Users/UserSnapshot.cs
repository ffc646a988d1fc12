using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A user as stored, without credentials.</summary>
/// <param name="Id">The user id (the grain key).</param>
/// <param name="Email">The e-mail address as given.</param>
/// <param name="Username">The display name.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="Phone">Phone number, if given.</param>
/// <param name="DateOfBirth">Date of birth, if given.</param>
/// <param name="Profile">Free-form profile.</param>
/// <param name="Preferences">Travel preferences.</param>
/// <param name="Tier">Subscription tier.</param>
/// <param name="IsActive">False once deactivated.</param>
/// <param name="IsVerified">True once the e-mail address is verified.</param>
/// <param name="CreatedAt">When the user registered.</param>
/// <param name="UpdatedAt">When the profile last changed.</param>
/// <param name="LastLoginAt">When the user last logged in.</param>
[Immutable]
public sealed record UserSnapshot(
    string Id,
    string Email,
    string Username,
    string FirstName,
    string LastName,
    string? Phone,
    DateOnly? DateOfBirth,
    UserProfileDetails Profile,
    TravelPreferences Preferences,
    SubscriptionTier Tier,
    bool IsActive,
    bool IsVerified,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? LastLoginAt);
