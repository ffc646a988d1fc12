using Wayfarer.Client.Infrastructure;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Plans;

/// <summary>Server-sent events for a plan's changes, fed by Redis pub/sub.</summary>
internal static class PlanEventsApi
{
    public static RouteGroupBuilder MapPlanEventsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/plans/{id}/events").WithTags("Plan events").RequireAuthorization();
        group.MapGet("/", StreamAsync).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return group;
    }

    private static async Task<IResult> StreamAsync(string id, HttpContext context, IGrainFactory grains, PlanEvents events, CancellationToken ct)
    {
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } visible)
        {
            return access.Refusal!;
        }

        await using var subscription = await events.SubscribeAsync(id);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // The first bytes tell the client the subscription is live, so changes made from now on will arrive.
        await context.Response.WriteAsync($": subscribed to plan {id} at version {visible.Version}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
        try
        {
            await foreach (var message in subscription.Reader.ReadAllAsync(ct))
            {
                await context.Response.WriteAsync($"event: plan\ndata: {message}\n\n", ct);
                await context.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client disconnected: the normal end of a stream.
            return TypedResults.Empty;
        }

        return TypedResults.Empty;
    }
}
