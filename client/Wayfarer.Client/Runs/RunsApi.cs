using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Runs;

/// <summary>What the agents did: one run with its tasks, executions, tool calls, agent messages and cost, and the
/// caller's runs on a plan. Only the caller's own runs are ever returned (row-level security); anyone else's is 404.</summary>
internal static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Runs").RequireAuthorization();
        group.MapGet("/runs/{id}", GetAsync).WithName("GetRun")
            .WithSummary("A run of the caller's with its tasks, tool calls, agent messages, executions, tokens and cost.")
            .Produces<RunDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/plans/{id}/runs", ListAsync).WithName("PlanRuns")
            .WithSummary("The caller's runs on a plan the caller may see, newest first.")
            .Produces<Page<RunSummary>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, RunQueries queries, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var runId))
        {
            return NotFound();
        }

        var run = await queries.GetAsync(context.User.UserId(), runId, ct);
        return run is null ? NotFound() : TypedResults.Ok(run);
    }

    private static async Task<IResult> ListAsync(string id, HttpContext context, IGrainFactory grains, RunQueries queries, string? cursor, int? limit, CancellationToken ct)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var errors = new ValidationErrors();
        var (key, take) = Cursor.Read(cursor, limit, errors);
        if (!RunQueries.TryDecodeCursor(key, out var after))
        {
            errors.Add("cursor", "is not a valid cursor.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = context.User.UserId();
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } plan)
        {
            return access.Refusal!;
        }

        return TypedResults.Ok(await queries.ListForPlanAsync(userId, id, after, take, ct));
    }

    private static IResult NotFound() => TypedResults.Problem(title: "Run not found", statusCode: StatusCodes.Status404NotFound);
}
