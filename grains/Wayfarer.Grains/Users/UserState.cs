using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Grains.Users;

/// <summary>The persisted profile of a user (state <c>profile</c>; the <c>users</c> view reads it).</summary>
public sealed class UserState
{
    public string Email { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string? Phone { get; set; }

    public DateOnly? DateOfBirth { get; set; }

    public UserProfileDetails Profile { get; set; } = UserProfileDetails.Empty;

    public TravelPreferences Preferences { get; set; } = TravelPreferences.Default;

    public SubscriptionTier Tier { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsVerified { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }
}
