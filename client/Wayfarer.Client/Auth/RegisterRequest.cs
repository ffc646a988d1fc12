namespace Wayfarer.Client.Auth;

/// <summary>The body of <c>POST /api/auth/register</c>.</summary>
public sealed record RegisterRequest(string? Email, string? Password, string? Username, string? FirstName, string? LastName);
