using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Auth;

/// <summary>Issues access tokens (HMAC-SHA256 JWTs carrying the user id and the login session) with refresh tokens.</summary>
internal sealed class TokenService(IOptions<AuthOptions> options, RefreshTokenStore refreshTokens, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public static SymmetricSecurityKey SigningKey(AuthOptions options) => new(Encoding.UTF8.GetBytes(options.SigningKey));

    public async Task<TokenPair> IssueAsync(string userId, Guid sessionId, CancellationToken ct)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var access = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = o.Issuer,
            Audience = o.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + o.AccessTokenLifetime,
            Subject = new ClaimsIdentity([
                new Claim("sub", userId),
                new Claim(ClaimsPrincipalExtensions.SessionClaim, sessionId.ToString("N")),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey(o), SecurityAlgorithms.HmacSha256),
        });
        var refresh = await refreshTokens.IssueAsync(userId, sessionId, ct);
        return new TokenPair(access, refresh, (int)o.AccessTokenLifetime.TotalSeconds);
    }
}
