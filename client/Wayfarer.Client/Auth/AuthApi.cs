using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Users;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Auth;

/// <summary>Registration, login, token refresh (with rotation) and logout.</summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).AllowAnonymous().Produces<UserSnapshot>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/login", LoginAsync).AllowAnonymous().Produces<TokenPair>().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", RefreshAsync).AllowAnonymous().Produces<TokenPair>().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization();
        return group;
    }

    private static async Task<IResult> RegisterAsync(RegisterRequest request, IGrainFactory grains, AuditLog audit, CancellationToken ct)
    {
        var errors = UserValidation.Register(request);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = Ids.New();
        var result = await grains.GetGrain<IUserGrain>(userId).Register(
            new UserRegistration(request.Email!.Trim(), request.Password!, request.Username!, request.FirstName!, request.LastName!));
        if (result.Outcome == UserOutcome.EmailTaken)
        {
            return TypedResults.Problem(title: "E-mail address already registered", statusCode: StatusCodes.Status409Conflict);
        }

        await audit.WriteAsync(AuditAction.Register, userId, ct: ct);
        return TypedResults.Created("/api/users/me", result.User);
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, UserDirectory directory, IGrainFactory grains, TokenService tokens,
        AuditLog audit, ApiMetrics metrics, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password) || request.Email.Length > 254 || request.Password.Length > 128
            || request.Email.Any(char.IsControl))
        {
            return InvalidCredentials();
        }

        var userId = await directory.FindByEmailAsync(request.Email.Trim(), ct);
        if (userId is null)
        {
            UserDirectory.SpendHashingTime(request.Password);
            metrics.Login(success: false);
            return InvalidCredentials();
        }

        var result = await grains.GetGrain<IUserGrain>(userId).Login(request.Password);
        if (result.Outcome != UserOutcome.Ok)
        {
            await audit.WriteAsync(AuditAction.LoginFailed, userId, ct: ct);
            metrics.Login(success: false);
            return InvalidCredentials();
        }

        await audit.WriteAsync(AuditAction.Login, userId, ct: ct);
        metrics.Login(success: true);
        return TypedResults.Ok(await tokens.IssueAsync(userId, Guid.NewGuid(), ct));
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, RefreshTokenStore store, TokenService tokens,
        SessionRevocations revocations, AuditLog audit, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            return InvalidRefresh();
        }

        var used = await store.UseAsync(request.RefreshToken, ct);
        if (used is not { } token)
        {
            return InvalidRefresh();
        }

        if (token.Reused)
        {
            await revocations.RevokeAsync(token.FamilyId);
            await audit.WriteAsync(AuditAction.TokenReuse, token.UserId, ct: ct);
            return InvalidRefresh();
        }

        return TypedResults.Ok(await tokens.IssueAsync(token.UserId, token.FamilyId, ct));
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, RefreshTokenStore store, SessionRevocations revocations,
        AuditLog audit, CancellationToken ct)
    {
        var userId = context.User.UserId();
        if (Guid.TryParseExact(context.User.SessionId(), "N", out var session))
        {
            await store.RevokeFamilyAsync(session, ct);
            await revocations.RevokeAsync(session);
        }

        await audit.WriteAsync(AuditAction.Logout, userId, ct: ct);
        return TypedResults.NoContent();
    }

    private static IResult InvalidCredentials() =>
        TypedResults.Problem(title: "Invalid e-mail address or password", statusCode: StatusCodes.Status401Unauthorized);

    private static IResult InvalidRefresh() =>
        TypedResults.Problem(title: "Invalid, expired or revoked refresh token", statusCode: StatusCodes.Status401Unauthorized);
}
