using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Users;

/// <summary>The caller's own account: profile, preferences, export and erasure.</summary>
internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/users/me").WithTags("Users").RequireAuthorization();
        group.MapGet("/", GetAsync).Produces<UserSnapshot>();
        group.MapPatch("/", PatchAsync).Produces<UserSnapshot>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/preferences", PreferencesAsync).Produces<UserSnapshot>().ProducesValidationProblem();
        group.MapGet("/export", ExportAsync);
        group.MapDelete("/", EraseAsync);
        return group;
    }

    private static async Task<IResult> GetAsync(HttpContext context, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IUserGrain>(context.User.UserId()).Get());

    private static async Task<IResult> PatchAsync(UserPatchRequest request, HttpContext context, IGrainFactory grains, TimeProvider time)
    {
        var errors = UserValidation.Patch(request, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var update = new UserProfileUpdate(request.Email?.Trim(), request.Username, request.FirstName, request.LastName, request.Phone,
            request.DateOfBirth, request.Profile);
        return Answer(await grains.GetGrain<IUserGrain>(context.User.UserId()).Update(update));
    }

    private static async Task<IResult> PreferencesAsync(TravelPreferences preferences, HttpContext context, IGrainFactory grains)
    {
        var errors = UserValidation.Preferences(preferences);
        return errors.IsValid ? Answer(await grains.GetGrain<IUserGrain>(context.User.UserId()).SetPreferences(preferences)) : errors.ToProblem();
    }

    private static async Task<IResult> ExportAsync(HttpContext context, UserExport export, AuditLog audit, CancellationToken ct)
    {
        var userId = context.User.UserId();
        var document = await export.BuildAsync(userId, ct);
        if (document is null)
        {
            return UserNotFound();
        }

        await audit.WriteAsync(AuditAction.Export, userId, ct: ct);
        return TypedResults.Ok(document);
    }

    private static async Task<IResult> EraseAsync(HttpContext context, UserErasure erasure, CancellationToken ct) =>
        await erasure.EraseAsync(context.User.UserId(), ct) ? TypedResults.NoContent() : UserNotFound();

    private static IResult Answer(UserResult result) => result.Outcome switch
    {
        UserOutcome.Ok => TypedResults.Ok(result.User),
        UserOutcome.EmailTaken => TypedResults.Problem(title: "E-mail address already registered", statusCode: StatusCodes.Status409Conflict),
        _ => UserNotFound(),
    };

    private static IResult UserNotFound() => TypedResults.Problem(title: "User not found", statusCode: StatusCodes.Status404NotFound);
}
