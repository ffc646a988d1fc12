using Wayfarer.GrainInterfaces.Users;

namespace Wayfarer.Client.Users;

/// <summary>The body of <c>PATCH /api/users/me</c>: members left out are unchanged.</summary>
public sealed record UserPatchRequest(
    string? Email,
    string? Username,
    string? FirstName,
    string? LastName,
    string? Phone,
    DateOnly? DateOfBirth,
    UserProfileDetails? Profile);
