using Wayfarer.Client.Audit;
using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Plans;

/// <summary>Sharing a plan with other users as editor or viewer.</summary>
internal static class PlanSharesApi
{
    public static RouteGroupBuilder MapPlanSharesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plans/{id}/shares").WithTags("Plan shares").RequireAuthorization();
        group.MapPost("/", ShareAsync).Produces<PlanShare>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", ListAsync).Produces<IReadOnlyList<PlanShare>>();
        group.MapDelete("/{userId}", UnshareAsync);
        return group;
    }

    private static async Task<IResult> ShareAsync(string id, ShareRequest request, HttpContext context, IGrainFactory grains, AuditLog audit,
        PlanEvents events, CancellationToken ct)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (string.IsNullOrEmpty(request.UserId) || !Ids.IsValid(request.UserId))
        {
            errors.Add("userId", "must be a user id.");
        }

        if (request.Role is not (PlanRole.Editor or PlanRole.Viewer))
        {
            errors.Add("role", "must be 'editor' or 'viewer'.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var callerId = context.User.UserId();
        var plan = grains.GetGrain<IPlanGrain>(id);
        var visible = await plan.Get(callerId);
        if (visible.Value is null)
        {
            return PlanResults.Refusal(visible, context);
        }

        if ((await grains.GetGrain<IUserGrain>(request.UserId!).Get()).Outcome != UserOutcome.Ok)
        {
            errors.Add("userId", "is not a registered user.");
            return errors.ToProblem();
        }

        var result = await plan.Share(callerId, request.UserId!, request.Role!.Value);
        if (result.Value is null)
        {
            return PlanResults.Refusal(result, context);
        }

        await audit.WriteAsync(AuditAction.Share, callerId, request.UserId, id, new { role = request.Role.Value.ToString().ToLowerInvariant() }, ct);
        await events.PublishAsync(id, "shared", result.CurrentVersion);
        return TypedResults.Created($"/api/plans/{id}/shares/{request.UserId}", result.Value);
    }

    private static async Task<IResult> ListAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).GetShares(context.User.UserId());
        return result.Value is null ? PlanResults.Refusal(result, context) : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> UnshareAsync(string id, string userId, HttpContext context, IGrainFactory grains, AuditLog audit,
        PlanEvents events, CancellationToken ct)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var callerId = context.User.UserId();
        var result = await grains.GetGrain<IPlanGrain>(id).Unshare(callerId, userId);
        if (result.Value is null)
        {
            return result.Outcome == PlanOutcome.Invalid
                ? TypedResults.Problem(title: "No such share", statusCode: StatusCodes.Status404NotFound)
                : PlanResults.Refusal(result, context);
        }

        await audit.WriteAsync(AuditAction.Unshare, callerId, userId, id, ct: ct);
        await events.PublishAsync(id, "unshared", result.CurrentVersion);
        return TypedResults.NoContent();
    }
}
