namespace Wayfarer.Client.Auth;

/// <summary>The body of <c>POST /api/auth/refresh</c> and (optionally) <c>POST /api/auth/logout</c>.</summary>
public sealed record RefreshRequest(string? RefreshToken);
