namespace Wayfarer.Client.Auth;

/// <summary>The answer of login and refresh.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer</c>.</param>
/// <param name="RefreshToken">The one-time token that buys the next pair.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
public sealed record TokenPair(string AccessToken, string RefreshToken, int ExpiresIn);
