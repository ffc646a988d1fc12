using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>Maps plan grain outcomes to HTTP answers: no role is 404 (never 403, so existence does not leak).</summary>
internal static class PlanResults
{
    public static IResult Refusal<T>(PlanResult<T> result, HttpContext context)
        where T : class
    {
        if (result.CurrentVersion is { } current && result.Outcome != PlanOutcome.NotFound)
        {
            context.Response.Headers.ETag = ETags.Format(current);
        }

        return result.Outcome switch
        {
            PlanOutcome.NotFound => NotFound(),
            PlanOutcome.Forbidden => TypedResults.Problem(title: "Your role on this plan does not allow this", statusCode: StatusCodes.Status403Forbidden),
            PlanOutcome.VersionMismatch => TypedResults.Problem(title: "The plan has changed",
                detail: $"The current version is {result.CurrentVersion}; read it again and retry.", statusCode: StatusCodes.Status412PreconditionFailed),
            PlanOutcome.AlreadyExists => TypedResults.Problem(title: "Plan already exists", statusCode: StatusCodes.Status409Conflict),
            _ => TypedResults.Problem(title: "Invalid request for this plan", statusCode: StatusCodes.Status400BadRequest),
        };
    }

    /// <summary>The plan as the caller sees it, or the answer to refuse with: 404 for a malformed id or a plan the caller
    /// has no role on (never 403, so existence does not leak).</summary>
    public static async Task<PlanAccess> VisibleAsync(Wayfarer.Runtime.IGrainFactory grains, string id, HttpContext context)
    {
        if (!Ids.IsValid(id))
        {
            return new(null, NotFound());
        }

        var result = await grains.GetGrain<IPlanGrain>(id).Get(context.User.UserId());
        return result.Value is null ? new(null, Refusal(result, context)) : new(result.Value, null);
    }

    public static IResult NotFound() => TypedResults.Problem(title: "Plan not found", statusCode: StatusCodes.Status404NotFound);

    public static IResult Plan(PlanSnapshot snapshot, HttpContext context)
    {
        context.Response.Headers.ETag = ETags.Format(snapshot.Version);
        return TypedResults.Ok(PlanResponse.From(snapshot));
    }
}
