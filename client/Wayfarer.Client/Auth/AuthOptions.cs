namespace Wayfarer.Client.Auth;

/// <summary>Token and key settings (section <c>Wayfarer:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Wayfarer:Auth";

    /// <summary>The HMAC-SHA256 key that signs access tokens; at least 32 bytes of UTF-8. Required.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>Base64 of 32 bytes: the AES-256 key that wraps each user's data key. Required.</summary>
    public string MasterKey { get; set; } = string.Empty;

    /// <summary>The token issuer.</summary>
    /// <value>Default <c>wayfarer</c>.</value>
    public string Issuer { get; set; } = "wayfarer";

    /// <summary>The token audience.</summary>
    /// <value>Default <c>wayfarer-api</c>.</value>
    public string Audience { get; set; } = "wayfarer-api";

    /// <summary>How long an access token is valid.</summary>
    /// <value>Default 15 minutes.</value>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token is valid.</summary>
    /// <value>Default 30 days.</value>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
}
