using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Plans;

/// <summary>Plan history: versions, one old version, diffs, restore and branch.</summary>
internal static class PlanVersionsApi
{
    public static RouteGroupBuilder MapPlanVersionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plans/{id}").WithTags("Plan versions").RequireAuthorization();
        group.MapGet("/versions", HistoryAsync).Produces<IReadOnlyList<PlanVersionInfo>>();
        group.MapGet("/versions/{version:int}", VersionAsync).Produces<PlanResponse>();
        group.MapGet("/diff", DiffAsync).Produces<PlanDiff>().ProducesValidationProblem();
        group.MapPost("/restore", RestoreAsync).Produces<PlanResponse>().ProducesProblem(StatusCodes.Status412PreconditionFailed);
        group.MapPost("/branch", BranchAsync).Produces<PlanResponse>(StatusCodes.Status201Created);
        return group;
    }

    private static async Task<IResult> HistoryAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).GetHistory(context.User.UserId());
        return result.Value is null ? PlanResults.Refusal(result, context) : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> VersionAsync(string id, int version, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).GetVersion(context.User.UserId(), version);
        return result.Outcome switch
        {
            PlanOutcome.Ok => TypedResults.Ok(PlanResponse.From(result.Value!)),
            PlanOutcome.Invalid => TypedResults.Problem(title: "No such version", statusCode: StatusCodes.Status404NotFound),
            _ => PlanResults.Refusal(result, context),
        };
    }

    private static async Task<IResult> DiffAsync(string id, int? from, int? to, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        if (from is null or < 1)
        {
            errors.Add("from", "is required: a version number from 1.");
        }

        if (to is null or < 1)
        {
            errors.Add("to", "is required: a version number from 1.");
        }

        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).Diff(context.User.UserId(), from!.Value, to!.Value);
        return result.Outcome switch
        {
            PlanOutcome.Ok => TypedResults.Ok(result.Value),
            PlanOutcome.Invalid => TypedResults.Problem(title: "No such version", statusCode: StatusCodes.Status404NotFound),
            _ => PlanResults.Refusal(result, context),
        };
    }

    private static async Task<IResult> RestoreAsync(string id, RestoreRequest request, HttpContext context, IGrainFactory grains, PlanEvents events)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        if (!ETags.TryReadIfMatch(context.Request, out var expected))
        {
            return ETags.MalformedIfMatch();
        }

        if (request.Version is null or < 1)
        {
            var errors = new ValidationErrors();
            errors.Add("version", "is required: a version number from 1.");
            return errors.ToProblem();
        }

        var result = await grains.GetGrain<IPlanGrain>(id).Restore(context.User.UserId(), request.Version.Value, expected);
        if (result.Value is null)
        {
            return result.Outcome == PlanOutcome.Invalid
                ? TypedResults.Problem(title: "No such version", statusCode: StatusCodes.Status404NotFound)
                : PlanResults.Refusal(result, context);
        }

        await events.PublishAsync(id, "restored", result.Value.Version);
        return PlanResults.Plan(result.Value, context);
    }

    private static async Task<IResult> BranchAsync(string id, BranchRequest request, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var errors = new ValidationErrors();
        errors.Text("title", request.Title, 200);
        if (request.Version is < 1)
        {
            errors.Add("version", "must be a version number from 1.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var newId = Ids.New();
        var result = await grains.GetGrain<IPlanGrain>(id).Branch(context.User.UserId(), newId, request.Version, request.Title?.Trim());
        if (result.Value is null)
        {
            return result.Outcome == PlanOutcome.Invalid
                ? TypedResults.Problem(title: "No such version", statusCode: StatusCodes.Status404NotFound)
                : PlanResults.Refusal(result, context);
        }

        context.Response.Headers.ETag = ETags.Format(result.Value.Version);
        return TypedResults.Created($"/api/plans/{newId}", PlanResponse.From(result.Value));
    }
}
