using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Plans;

/// <summary>Plan create, list, read, patch and delete, with ETag / If-Match optimistic concurrency.</summary>
internal static class PlansApi
{
    public static RouteGroupBuilder MapPlansApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plans").WithTags("Plans").RequireAuthorization();
        group.MapPost("/", CreateAsync).Produces<PlanResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        group.MapGet("/", ListAsync).Produces<Page<PlanSummary>>().ProducesValidationProblem();
        group.MapGet("/{id}", GetAsync).Produces<PlanResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{id}", PatchAsync).Produces<PlanResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapDelete("/{id}", DeleteAsync).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<IResult> CreateAsync(PlanRequest request, HttpContext context, IGrainFactory grains, CancellationToken ct)
    {
        var errors = PlanValidation.Request(request, creating: true);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var content = PlanMapping.ToNew(request);
        PlanValidation.Content(errors, content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var id = Ids.New();
        var result = await grains.GetGrain<IPlanGrain>(id).Create(context.User.UserId(), content);
        if (result.Value is null)
        {
            return PlanResults.Refusal(result, context);
        }

        context.Response.Headers.ETag = ETags.Format(result.Value.Version);
        return TypedResults.Created($"/api/plans/{id}", PlanResponse.From(result.Value));
    }

    private static async Task<IResult> ListAsync(HttpContext context, PlanQueries queries, string? scope, string? cursor, int? limit, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (scope is not (null or "mine" or "shared"))
        {
            errors.Add("scope", "must be 'mine' or 'shared'.");
        }

        var (after, take) = Cursor.Read(cursor, limit, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(await queries.ListAsync(context.User.UserId(), scope == "shared", after, take, ct));
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).Get(context.User.UserId());
        if (result.Value is null)
        {
            return PlanResults.Refusal(result, context);
        }

        if (context.Request.Headers.IfNoneMatch.ToString() == ETags.Format(result.Value.Version))
        {
            context.Response.Headers.ETag = ETags.Format(result.Value.Version);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return PlanResults.Plan(result.Value, context);
    }

    private static async Task<IResult> PatchAsync(string id, PlanRequest request, HttpContext context, IGrainFactory grains, PlanEvents events)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        if (!ETags.TryReadIfMatch(context.Request, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var errors = PlanValidation.Request(request, creating: false);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = context.User.UserId();
        var plan = grains.GetGrain<IPlanGrain>(id);
        var current = await plan.Get(userId);
        if (current.Value is null)
        {
            return PlanResults.Refusal(current, context);
        }

        var content = PlanMapping.Apply(current.Value.Content, request);
        PlanValidation.Content(errors, content);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        // Without If-Match, the version read above guards the merge, so a concurrent change is never silently overwritten.
        var result = await plan.Update(userId, content, expected ?? current.Value.Version);
        if (result.Value is null)
        {
            return PlanResults.Refusal(result, context);
        }

        await events.PublishAsync(id, "updated", result.Value.Version);
        return PlanResults.Plan(result.Value, context);
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, IGrainFactory grains, PlanEvents events)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        if (!ETags.TryReadIfMatch(context.Request, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).Delete(context.User.UserId(), expected);
        if (result.Value is null)
        {
            return PlanResults.Refusal(result, context);
        }

        await events.PublishAsync(id, "deleted", null);
        return TypedResults.NoContent();
    }
}
