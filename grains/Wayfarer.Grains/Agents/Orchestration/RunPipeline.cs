using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Specialists;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>The steps of a run. Each step reads and writes the run's checkpoint only, so after a crash the run continues
/// from the first step not yet checkpointed; steps with outside effects (messages, plan versions) record them in the
/// checkpoint and check before repeating them.</summary>
public sealed partial class RunPipeline(
    OfflinePlanner planner,
    MessageInterpreter interpreter,
    IModelResolver models,
    IChatClientFactory chatClients,
    PriceTable prices,
    IOptions<ModelOptions> modelOptions,
    ILedgerWriter ledger,
    Events.IPlanChangeNotifier planChanges,
    AgentMetrics metrics,
    TimeProvider timeProvider,
    ILogger<RunPipeline> logger)
{
    /// <summary>The steps, in order.</summary>
    public static readonly IReadOnlyList<RunStep> Steps =
    [
        new("load", "orchestrator"),
        new("interpret", "orchestrator"),
        new("locate", "location"),
        new("plan", "planning"),
        new("validate", "budget"),
        new("save", "orchestrator"),
        new("reply", "orchestrator"),
    ];

    private PriceTable Prices => prices;

    private ModelOptions ModelSettings => modelOptions.Value;

    private TimeProvider Clock => timeProvider;

    private AgentMetrics Metrics => metrics;

    /// <summary>The id of a run's task row for a step and attempt (stable, so the row is updated in place).</summary>
    public static Guid TaskId(Guid runId, int step, int attempt)
    {
        Span<byte> bytes = stackalloc byte[16];
        runId.TryWriteBytes(bytes);
        bytes[15] ^= (byte)(step + 1);
        bytes[14] ^= (byte)(0x5A + attempt);
        return new Guid(bytes);
    }

    /// <summary>Runs one step; returns a short summary of its output for the task ledger.</summary>
    public Task<string?> ExecuteAsync(RunStep step, RunExecution execution, CancellationToken cancellationToken) => step.Name switch
    {
        "load" => LoadAsync(execution),
        "interpret" => InterpretAsync(execution, cancellationToken),
        "locate" => LocateAsync(execution, cancellationToken),
        "plan" => PlanAsync(execution, cancellationToken),
        "validate" => ValidateAsync(execution, cancellationToken),
        "save" => SaveAsync(execution),
        "reply" => ReplyAsync(execution),
        _ => throw new InvalidOperationException($"Unknown step {step.Name}."),
    };

    private async Task<string?> LoadAsync(RunExecution execution)
    {
        var checkpoint = execution.Run.Checkpoint;
        var session = execution.Grains.GetGrain<IAgentSessionGrain>(execution.SessionId);
        if (checkpoint.UserMessageSequence is null)
        {
            if (checkpoint.MessagesBefore is null)
            {
                // Persisted before the message is appended, so a resumed attempt finds the message it already added.
                var snapshot = await session.Get(execution.UserId);
                checkpoint.MessagesBefore = snapshot.Value?.MessageCount ?? throw new RunFailedException("session_not_found", "The session no longer exists.");
                await execution.Checkpoint();
            }

            var added = (await session.GetMessages(execution.UserId, checkpoint.MessagesBefore.Value, 50)).Value?
                .FirstOrDefault(m => m.Role == MessageRole.User && m.Content == execution.Run.Request.Message);
            checkpoint.UserMessageSequence = added?.Sequence
                ?? (await session.AppendMessage(execution.UserId, MessageRole.User, execution.Run.Request.Message)).Value?.Sequence;
        }

        var plan = await GetPlanAsync(execution);
        if (plan.CallerRole == PlanRole.Viewer)
        {
            throw new RunFailedException("forbidden", "You can view this plan but not change it; ask its owner for editor access or branch it.");
        }

        checkpoint.PlanVersionBefore ??= plan.Version;
        checkpoint.PlanWasEmpty = plan.Content.Itinerary.Days.Count == 0;
        return $"plan v{plan.Version}";
    }

    private async Task<string?> InterpretAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        var run = execution.Run;
        var request = run.Request;
        var plan = await GetPlanAsync(execution);
        if (request.Mode != RunMode.Offline && run.Checkpoint.ModelReply is null)
        {
            var choice = await models.ResolveAsync(execution.UserId, cancellationToken);
            if (choice is null && request.Mode == RunMode.Model)
            {
                throw new RunFailedException("no_model",
                    "No language model is configured: store your own key (PUT /api/users/me/api-keys/openai), ask the operator to configure one, or use mode \"offline\".");
            }

            if (choice is not null)
            {
                run.Mode = "model";
                run.Provider = choice.Provider;
                run.Model = choice.Model;
                var outcome = await RunModelAsync(execution, choice, plan, cancellationToken);
                if (outcome is null)
                {
                    return $"model {choice.Model}: {(run.Checkpoint.Replan ? "itinerary" : "reply")}";
                }

                if (request.Mode == RunMode.Model)
                {
                    throw new RunFailedException(outcome.Value.Code, outcome.Value.Message);
                }

                run.Checkpoint.Notes.Add(outcome.Value.Message + " The offline planner answered instead.");
                execution.Event("fallback", new { to = "offline", reason = outcome.Value.Code });
                run.Checkpoint.Transcript = null;
                run.Checkpoint.ModelReply = null;
                run.Checkpoint.Itinerary = null;
                run.Checkpoint.Trip = null;
            }
        }
        else if (run.Checkpoint.ModelReply is not null)
        {
            return "model reply already checkpointed";
        }

        run.Mode = "offline";
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var interpretation = interpreter.Interpret(request.Message, plan.Content, request.Overrides, request.Kind, today);
        run.Checkpoint.Understood = [.. interpretation.Understood];
        run.Checkpoint.Notes.AddRange(interpretation.Assumptions.Select(a => "Assumed " + a + "."));
        run.Checkpoint.Trip = interpretation.Trip;
        run.Checkpoint.Replan = interpretation.Trip is not null && interpretation.Replan;
        if (interpretation.Trip is null && interpretation.Replan)
        {
            if (request.Kind == RunKind.Generate)
            {
                throw new RunFailedException("invalid_request", "The plan cannot be generated yet: tell me " + string.Join(" and ", interpretation.Missing) + ".");
            }

            run.Checkpoint.Reply = "To plan your trip, tell me " + string.Join(" and ", interpretation.Missing) + ".";
        }

        return interpretation.Trip is null ? "missing: " + string.Join(", ", interpretation.Missing) : string.Join("; ", interpretation.Understood.DefaultIfEmpty("plan fields"));
    }

    private async Task<string?> LocateAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        if (!checkpoint.Replan || checkpoint.Itinerary is not null || checkpoint.Trip is null)
        {
            return "skipped";
        }

        var location = execution.Grains.GetGrain<ILocationAgentGrain>(AgentKeys.Shared);
        var trip = checkpoint.Trip;
        checkpoint.Resolved = await PlanningCallAsync(execution, "resolve_trip", new { trip.Destinations, trip.Origin }, () => location.Resolve(trip), cancellationToken);
        if (checkpoint.Resolved is not null)
        {
            // The resolved request has every default filled in; it is the one planned and validated.
            checkpoint.Trip = checkpoint.Resolved.Request;
        }

        return checkpoint.Resolved is null ? "not resolved" : string.Join(", ", checkpoint.Resolved.Destinations.Select(d => d.Label));
    }

    private async Task<string?> PlanAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        if (!checkpoint.Replan || checkpoint.Itinerary is not null || checkpoint.Trip is null || checkpoint.Resolved is null)
        {
            return "skipped";
        }

        var draft = await BuildOfflineAsync(execution, checkpoint.Trip, checkpoint.Resolved, cancellationToken);
        return draft is null ? "not planned" : $"{draft.Itinerary.Days.Count} days, {draft.Budget.Total} {draft.Budget.Currency}";
    }

    private async Task<ItineraryDraft?> BuildOfflineAsync(RunExecution execution, TripRequest trip, ResolvedTrip resolved, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        var planning = execution.Grains.GetGrain<IPlanningAgentGrain>(AgentKeys.Shared);
        var draft = await PlanningCallAsync(execution, "plan_trip", new { trip.Destinations, trip.StartDate, trip.EndDate, trip.Travelers },
            () => planning.BuildItinerary(trip, resolved), cancellationToken);
        if (draft is not null)
        {
            checkpoint.Itinerary = draft.Itinerary;
            checkpoint.ItinerarySource = "offline";
            checkpoint.Budget = draft.Budget;
            checkpoint.Notes.AddRange(draft.Notes.Where(n => !checkpoint.Notes.Contains(n)));
        }

        return draft;
    }

    /// <summary>Calls a planning agent as a tool. A planning refusal (unknown city, budget too low) fails a generate run
    /// and becomes the reply of a chat run.</summary>
    private async Task<T?> PlanningCallAsync<T>(RunExecution execution, string tool, object arguments, Func<Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await RecordToolAsync(execution, null, tool, AgentJson.Serialize(arguments), async () => await call(), cancellationToken);
        }
        catch (PlanningException exception)
        {
            return Refuse<T>(execution, exception.Code, exception.Message, exception.Suggestions);
        }
        catch (Wayfarer.Runtime.Transport.RemoteGrainException exception) when (exception.OriginalType == typeof(PlanningException).FullName)
        {
            return Refuse<T>(execution, "planning_refused", exception.OriginalMessage, []);
        }
    }

    private static T? Refuse<T>(RunExecution execution, string code, string message, IReadOnlyList<string> suggestions)
        where T : class
    {
        var text = suggestions.Count > 0 ? $"{message} Did you mean {string.Join(", ", suggestions)}?" : message;
        if (execution.Run.Request.Kind == RunKind.Generate)
        {
            throw new RunFailedException(code, text);
        }

        execution.Run.Checkpoint.Replan = false;
        execution.Run.Checkpoint.Reply = text;
        return null;
    }

    private static async Task<PlanSnapshot> GetPlanAsync(RunExecution execution)
    {
        var plan = await execution.Grains.GetGrain<IPlanGrain>(execution.PlanId).Get(execution.UserId);
        return plan.Value ?? throw new RunFailedException("plan_not_found", "The session's plan no longer exists or is no longer shared with you.");
    }

    /// <summary>Runs a tool and records it in <c>tool_calls</c>, the run's events and the metrics.</summary>
    internal async Task<T> RecordToolAsync<T>(RunExecution execution, Guid? executionId, string tool, string arguments, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var at = timeProvider.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        string status = "ok";
        string? result = null;
        string? error = null;
        try
        {
            var value = await call();
            result = AgentJson.Serialize(value, 8_000);
            return value;
        }
        catch (Exception exception)
        {
            status = exception is PlanningException ? "refused" : exception is OperationCanceledException ? "cancelled" : "error";
            error = $"{exception.GetType().Name}: {exception.Message}";
            result = AgentJson.Serialize(new { error = exception.Message });
            throw;
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            metrics.ToolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("status", status));
            execution.Event("tool_called", new { tool, status, ms = Math.Round(elapsed, 1), error });
            await ledger.WriteAsync(new ToolCallRecord(Guid.CreateVersion7(at), execution.Run.Id, executionId, execution.UserId,
                execution.Run.Mode == "model" ? "orchestrator" : Steps[Math.Min(execution.Run.Step, Steps.Count - 1)].Agent, tool, arguments, result, status, elapsed, at),
                CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: agent memory could not be searched; the model is prompted without it")]
    private static partial void LogRecallFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId}: could not record the trip in agent memory")]
    private static partial void LogMemoryFailed(ILogger logger, Exception exception, Guid runId);
}
