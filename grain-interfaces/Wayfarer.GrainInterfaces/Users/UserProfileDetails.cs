using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Users;

/// <summary>The free-form part of a user's profile.</summary>
/// <param name="Bio">A short self-description.</param>
/// <param name="AvatarUrl">An absolute http(s) URL of the avatar picture.</param>
/// <param name="HomeCity">Where the traveller usually starts from.</param>
/// <param name="Language">Preferred language (BCP 47 tag).</param>
[Immutable]
public sealed record UserProfileDetails(string? Bio, string? AvatarUrl, string? HomeCity, string? Language)
{
    /// <summary>An empty profile.</summary>
    public static UserProfileDetails Empty { get; } = new(null, null, null, null);
}
