using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Wayfarer.Client.ApiKeys;
using Wayfarer.Client.Auth;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Hosting;

/// <summary>JWT bearer authentication (validated against <see cref="AuthOptions"/>, with logout revocation), tokens,
/// and the API-key vault.</summary>
internal static class SecurityExtensions
{
    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<RefreshTokenStore>();
        services.AddSingleton<SessionRevocations>();
        services.AddSingleton<ApiKeyVault>();
        services.AddAuthorization();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                var o = auth.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = o.Issuer,
                    ValidAudience = o.Audience,
                    IssuerSigningKey = TokenService.SigningKey(o),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                };
                jwt.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var session = context.Principal?.SessionId();
                        var revocations = context.HttpContext.RequestServices.GetRequiredService<SessionRevocations>();
                        if (session is null || await revocations.IsRevokedAsync(session))
                        {
                            context.Fail("The session has been logged out.");
                        }
                    },
                };
            });
        return builder;
    }
}
