using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Sessions;

/// <summary>Agent sessions: start one on a plan, read it, read its conversation (messages are sent to the agents by
/// <see cref="Agents.AgentsApi"/>).</summary>
internal static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/plans/{id}/sessions", StartAsync).WithTags("Sessions").RequireAuthorization();
        var group = routes.MapGroup("/api/sessions/{id}").WithTags("Sessions").RequireAuthorization();
        group.MapGet("/", GetAsync).Produces<SessionSnapshot>();
        group.MapGet("/messages", MessagesAsync).Produces<Page<SessionMessage>>();
        return group;
    }

    private static async Task<IResult> StartAsync(string id, HttpContext context, IGrainFactory grains)
    {
        var userId = context.User.UserId();
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } plan)
        {
            return access.Refusal!;
        }

        var sessionId = Ids.New();
        var result = await grains.GetGrain<IAgentSessionGrain>(sessionId).Start(userId, id);
        return TypedResults.Created($"/api/sessions/{sessionId}", result.Value);
    }

    private static async Task<IResult> GetAsync(string id, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id))
        {
            return NotFound();
        }

        var result = await grains.GetGrain<IAgentSessionGrain>(id).Get(context.User.UserId());
        return result.Value is null ? NotFound() : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> MessagesAsync(string id, string? cursor, int? limit, HttpContext context, IGrainFactory grains)
    {
        var errors = new ValidationErrors();
        var (after, take) = Cursor.Read(cursor, limit, errors);
        var afterSequence = 0;
        if (after is not null && !int.TryParse(after, out afterSequence))
        {
            errors.Add("cursor", "is not a valid cursor.");
        }

        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!Ids.IsValid(id))
        {
            return NotFound();
        }

        var result = await grains.GetGrain<IAgentSessionGrain>(id).GetMessages(context.User.UserId(), afterSequence, take + 1);
        if (result.Value is not { } messages)
        {
            return NotFound();
        }

        var more = messages.Count > take;
        var page = more ? messages.Take(take).ToArray() : messages;
        return TypedResults.Ok(new Page<SessionMessage>(page, more ? Cursor.Encode(page[^1].Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null));
    }

    private static IResult NotFound() => TypedResults.Problem(title: "Session not found", statusCode: StatusCodes.Status404NotFound);
}
