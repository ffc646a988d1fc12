using System.Text.RegularExpressions;
using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.ApiKeys;

/// <summary>Bring-your-own API keys: store, list (masked) and delete.</summary>
internal static partial class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users/me/api-keys").WithTags("API keys").RequireAuthorization();
        group.MapGet("/", ListAsync).Produces<IReadOnlyList<ApiKeyInfo>>();
        group.MapPut("/{service}", PutAsync).Produces<ApiKeyInfo>().ProducesValidationProblem();
        group.MapDelete("/{service}", DeleteAsync);
        return group;
    }

    private static async Task<IResult> ListAsync(HttpContext context, ApiKeyVault vault, CancellationToken ct) =>
        TypedResults.Ok(await vault.ListAsync(context.User.UserId(), ct));

    private static async Task<IResult> PutAsync(string service, ApiKeyRequest request, HttpContext context, ApiKeyVault vault, AuditLog audit,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (!ServiceName().IsMatch(service))
        {
            errors.Add("service", "must be 1-40 lower-case letters, digits, '-' or '_'.");
        }

        if (string.IsNullOrWhiteSpace(request.Key) || request.Key.Length is < 8 or > 4096 || request.Key.Any(char.IsControl))
        {
            errors.Add("key", "must be between 8 and 4096 printable characters.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = context.User.UserId();
        var info = await vault.StoreAsync(userId, service, request.Key!, ct);
        await audit.WriteAsync(AuditAction.KeySet, userId, subject: service, ct: ct);
        return TypedResults.Ok(info);
    }

    private static async Task<IResult> DeleteAsync(string service, HttpContext context, ApiKeyVault vault, AuditLog audit, CancellationToken ct)
    {
        var userId = context.User.UserId();
        if (!ServiceName().IsMatch(service) || !await vault.DeleteAsync(userId, service, ct))
        {
            return TypedResults.Problem(title: "No such API key", statusCode: StatusCodes.Status404NotFound);
        }

        await audit.WriteAsync(AuditAction.KeyDeleted, userId, subject: service, ct: ct);
        return TypedResults.NoContent();
    }

    [GeneratedRegex("^[a-z0-9_-]{1,40}$")]
    private static partial Regex ServiceName();
}
