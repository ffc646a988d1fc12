using System.Security.Claims;

namespace Wayfarer.Client.Infrastructure;

/// <summary>Reads the authenticated user's id and session from the access token's claims.</summary>
internal static class ClaimsPrincipalExtensions
{
    public const string SessionClaim = "sid";

    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue("sub") ?? throw new InvalidOperationException("The request is not authenticated.");

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);
}
