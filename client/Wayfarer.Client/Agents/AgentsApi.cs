using System.Text;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.Client.Sessions;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents;
using Wayfarer.Planning;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Agents;

/// <summary>The agents' routes: a message to a session's agents (a JSON reply, or a server-sent event stream of the
/// run's progress with <c>Accept: text/event-stream</c>), generating a plan, and cancelling a run.</summary>
internal static partial class AgentsApi
{
    /// <summary>How long a JSON request waits for its run before answering 202 with the run's address.</summary>
    private static readonly TimeSpan JsonWait = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan WatchSlice = TimeSpan.FromSeconds(15);
    /// <summary>The planner's refusals (bad or impossible requests): 422.</summary>
    private static readonly HashSet<string> PlanningCodes =
    [
        PlanningErrorCodes.InvalidRequest, PlanningErrorCodes.UnknownCity, PlanningErrorCodes.UnsupportedCurrency, PlanningErrorCodes.BudgetTooLow,
        PlanningErrorCodes.TripTooLong, PlanningErrorCodes.TripTooShort, PlanningErrorCodes.TooManyDestinations,
    ];

    private static readonly System.Text.Json.JsonSerializerOptions EventJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAgentsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/sessions/{id}/messages", MessageAsync).WithTags("Agents").RequireAuthorization()
            .Produces<RunResponse>().Produces(StatusCodes.Status202Accepted).Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesValidationProblem();
        routes.MapPost("/api/plans/{id}/generate", GenerateAsync).WithTags("Agents").RequireAuthorization()
            .Produces<RunResponse>().Produces(StatusCodes.Status202Accepted).Produces(StatusCodes.Status200OK, contentType: "text/event-stream").ProducesValidationProblem();
        routes.MapDelete("/api/sessions/{id}/runs/{runId:guid}", CancelAsync).WithTags("Agents").RequireAuthorization();
        return routes;
    }

    private static async Task<IResult> MessageAsync(string id, SessionMessageRequest request, HttpContext context, IGrainFactory grains, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Text("content", request.Content, Grains.Sessions.AgentSessionGrain.MaxMessageLength, required: true);
        if (request.Content is { } content && content.Contains('\0', StringComparison.Ordinal))
        {
            errors.Add("content", "must not contain NUL characters.");
        }

        var policy = ParsePolicy(request.Policy, errors);
        var mode = ParseMode(request.Mode, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!Ids.IsValid(id))
        {
            return SessionNotFound();
        }

        var userId = context.User.UserId();
        var run = new RunRequest(userId, request.Content!, RunKind.Chat, policy, mode);
        return await SubmitAndFollowAsync(id, run, context, grains, ct);
    }

    private static async Task<IResult> GenerateAsync(string id, GenerateRequest? request, HttpContext context, IGrainFactory grains, CancellationToken ct)
    {
        request ??= new GenerateRequest();
        var errors = new ValidationErrors();
        var policy = ParsePolicy(request.Policy, errors);
        var mode = ParseMode(request.Mode, errors);
        var overrides = ParseOverrides(request, errors);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var userId = context.User.UserId();
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } plan)
        {
            return access.Refusal!;
        }

        if (plan.CallerRole == PlanRole.Viewer)
        {
            return TypedResults.Problem(title: "Your role on this plan does not allow this", detail: "Viewers cannot generate a new version; branch the plan first.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        // One generate session per plan and user, so the double-texting policy applies to generate requests too (and
        // repeated requests do not leave a session each behind).
        var sessionId = GenerateSessionId(id, userId);
        await grains.GetGrain<IAgentSessionGrain>(sessionId).Start(userId, id);
        var run = new RunRequest(userId, "Generate the itinerary from the plan's fields.", RunKind.Generate, policy, mode, overrides);
        return await SubmitAndFollowAsync(sessionId, run, context, grains, ct);
    }

    private static async Task<IResult> CancelAsync(string id, Guid runId, HttpContext context, IGrainFactory grains)
    {
        if (!Ids.IsValid(id) || !await grains.GetGrain<IOrchestratorGrain>(id).Cancel(context.User.UserId(), runId))
        {
            return TypedResults.Problem(title: "No such run in progress", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> SubmitAndFollowAsync(string sessionId, RunRequest request, HttpContext context, IGrainFactory grains, CancellationToken ct)
    {
        var orchestrator = grains.GetGrain<IOrchestratorGrain>(sessionId);
        var submitted = await orchestrator.Submit(request);
        switch (submitted.Outcome)
        {
            case SubmitOutcome.NotFound:
                return SessionNotFound();
            case SubmitOutcome.Rejected:
                return TypedResults.Problem(title: "A run is in progress", detail: submitted.Message, statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?> { ["activeRunId"] = submitted.ActiveRunId });
            case SubmitOutcome.QueueFull:
                return TypedResults.Problem(title: "Too many queued messages", detail: submitted.Message, statusCode: StatusCodes.Status429TooManyRequests,
                    extensions: new Dictionary<string, object?> { ["activeRunId"] = submitted.ActiveRunId });
        }

        var userId = request.UserId;
        if (WantsEvents(context))
        {
            await StreamAsync(orchestrator, userId, submitted.RunId, context, ct);
            return TypedResults.Empty;
        }

        var deadline = DateTimeOffset.UtcNow + JsonWait;
        var sequence = 0;
        while (true)
        {
            var view = await orchestrator.Watch(userId, submitted.RunId, sequence, WatchSlice);
            if (view is null)
            {
                return SessionNotFound();
            }

            sequence = view.Events.Count > 0 ? view.Events[^1].Sequence : sequence;
            if (view.Status.IsTerminal())
            {
                return await FinalAsync(view, userId, grains);
            }

            if (DateTimeOffset.UtcNow > deadline || ct.IsCancellationRequested)
            {
                context.Response.Headers.Location = $"/api/runs/{view.RunId}";
                return TypedResults.Json(RunResponse.From(view), statusCode: StatusCodes.Status202Accepted);
            }
        }
    }

    private static async Task<IResult> FinalAsync(RunView view, string userId, IGrainFactory grains)
    {
        if (view.Status == RunStatus.Failed)
        {
            var status = view.ErrorCode switch
            {
                "spend_cap" => StatusCodes.Status402PaymentRequired,
                "no_model" or "planning_refused" or "invalid_plan" => StatusCodes.Status422UnprocessableEntity,
                { } code when PlanningCodes.Contains(code) => StatusCodes.Status422UnprocessableEntity,
                "forbidden" => StatusCodes.Status403Forbidden,
                "plan_not_found" or "session_not_found" => StatusCodes.Status404NotFound,
                "plan_conflict" => StatusCodes.Status409Conflict,
                "run_interrupted" or "run_timeout" or "model_error" => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            return TypedResults.Problem(title: "The agents could not finish", detail: view.Error, statusCode: status, type: $"https://wayfarer.dev/problems/{view.ErrorCode ?? "run_failed"}",
                extensions: new Dictionary<string, object?> { ["runId"] = view.RunId, ["code"] = view.ErrorCode, ["sessionId"] = view.SessionId });
        }

        PlanSnapshot? plan = null;
        if (view.PlanVersion is not null && view.PlanId is not null)
        {
            plan = (await grains.GetGrain<IPlanGrain>(view.PlanId).Get(userId)).Value;
        }

        return TypedResults.Ok(RunResponse.From(view, plan));
    }

    /// <summary>Writes the run's events as server-sent events until it ends or the client goes away.</summary>
    private static async Task StreamAsync(IOrchestratorGrain orchestrator, string userId, Guid runId, HttpContext context, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";
        await context.Response.WriteAsync($": run {runId}\n\n", ct);
        await context.Response.Body.FlushAsync(ct);
        var sequence = 0;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var view = await orchestrator.Watch(userId, runId, sequence, WatchSlice);
                if (view is null)
                {
                    return;
                }

                var text = new StringBuilder();
                foreach (var item in view.Events)
                {
                    text.Append("id: ").Append(item.Sequence).Append('\n')
                        .Append("event: ").Append(item.Type).Append('\n')
                        .Append("data: ").Append(item.Data).Append("\n\n");
                    sequence = item.Sequence;
                }

                if (view.Events.Count == 0)
                {
                    text.Append(": keep-alive\n\n");
                }

                if (view.Status.IsTerminal())
                {
                    text.Append("event: done\ndata: ").Append(System.Text.Json.JsonSerializer.Serialize(RunResponse.From(view), EventJson)).Append("\n\n");
                }

                await context.Response.WriteAsync(text.ToString(), ct);
                await context.Response.Body.FlushAsync(ct);
                if (view.Status.IsTerminal())
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; the run goes on and its result stays readable at /api/runs/{id}.
        }
    }

    private static bool WantsEvents(HttpContext context) =>
        context.Request.Headers.Accept.Any(a => a is not null && a.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase));

    private static IResult SessionNotFound() => TypedResults.Problem(title: "Session not found", statusCode: StatusCodes.Status404NotFound);

    private static string GenerateSessionId(string planId, string userId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"generate\n{planId}\n{userId}")))[..32];
}
