using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Specialists;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;
using Wayfarer.Planning.Validation;
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

    /// <summary>Undoes what a run did (rollback): restores the plan version before it and removes its messages.</summary>
    public async Task UndoAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        var undone = new List<string>();
        if (checkpoint is { SavedVersion: { } saved, PlanVersionBefore: { } before })
        {
            var plans = execution.Grains.GetGrain<IPlanGrain>(execution.PlanId);
            var current = await plans.Get(execution.UserId);
            if (current.Value?.Version == saved)
            {
                var restored = await plans.Restore(execution.UserId, before, saved);
                if (restored.Value is { } snapshot)
                {
                    undone.Add($"plan restored to version {before} (as version {snapshot.Version})");
                    execution.Event("plan_version_created", new { planId = execution.PlanId, version = snapshot.Version, restoredFrom = before });
                }
            }
            else
            {
                undone.Add($"plan version {saved} kept: the plan changed after it");
            }
        }

        if (checkpoint.MessagesBefore is { } keep)
        {
            await execution.Grains.GetGrain<IAgentSessionGrain>(execution.SessionId).TruncateMessages(execution.UserId, keep);
            undone.Add("messages removed");
        }

        execution.Event("run_undone", new { undone });
    }

    private async Task<string?> LoadAsync(RunExecution execution)
    {
        var checkpoint = execution.Run.Checkpoint;
        var session = execution.Grains.GetGrain<IAgentSessionGrain>(execution.SessionId);
        if (checkpoint.UserMessageSequence is null)
        {
            var snapshot = await session.Get(execution.UserId);
            checkpoint.MessagesBefore = snapshot.Value?.MessageCount ?? throw new RunFailedException("session_not_found", "The session no longer exists.");
            var message = await session.AppendMessage(execution.UserId, MessageRole.User, execution.Run.Request.Message);
            checkpoint.UserMessageSequence = message.Value?.Sequence;
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

    private async Task<string?> ValidateAsync(RunExecution execution, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        if (!checkpoint.Replan || checkpoint.Itinerary is null || checkpoint.Trip is null)
        {
            return "skipped";
        }

        var plan = await GetPlanAsync(execution);
        var options = ValidationOptions.For(checkpoint.Trip, planner.Data);
        var content = Compose(plan.Content, checkpoint.Trip, checkpoint.Itinerary);
        var report = PlanValidator.Validate(content, options);
        var source = checkpoint.ItinerarySource ?? "offline";
        if (report.IsValid)
        {
            checkpoint.Validation = "valid";
        }
        else
        {
            var repair = PlanRepairer.Repair(content, options);
            if (repair.Remaining.IsValid)
            {
                checkpoint.Validation = "repaired";
                checkpoint.Itinerary = repair.Repaired.Itinerary;
                checkpoint.Issues = [.. repair.Changes];
            }
            else
            {
                checkpoint.Validation = "rejected";
                checkpoint.Issues = [.. report.Issues.Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Message)];
                execution.Event("plan_rejected", new { source, reasons = checkpoint.Issues });
                if (source != "model")
                {
                    throw new RunFailedException("invalid_plan", "The planner produced a plan that breaks the trip's constraints: " + string.Join("; ", checkpoint.Issues));
                }

                // A model's plan that cannot be repaired is not saved; the agents plan offline instead.
                checkpoint.Itinerary = null;
                var location = execution.Grains.GetGrain<ILocationAgentGrain>(AgentKeys.Shared);
                var trip = checkpoint.Trip;
                checkpoint.Resolved ??= await PlanningCallAsync(execution, "resolve_trip", new { trip.Destinations, trip.Origin }, () => location.Resolve(trip), cancellationToken);
                if (checkpoint.Resolved is null || await BuildOfflineAsync(execution, trip, checkpoint.Resolved, cancellationToken) is null)
                {
                    metrics.Validation.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", "rejected"));
                    return "rejected";
                }

                checkpoint.Notes.Add("The model's itinerary broke the trip's constraints (" + string.Join("; ", checkpoint.Issues) + "); the offline planner's itinerary was saved instead.");
            }
        }

        metrics.Validation.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", checkpoint.Validation));
        execution.Event("validated", new { source, outcome = checkpoint.Validation, issues = checkpoint.Issues });
        return checkpoint.Validation;
    }

    private async Task<string?> SaveAsync(RunExecution execution)
    {
        var checkpoint = execution.Run.Checkpoint;
        if (!checkpoint.Replan || checkpoint.Itinerary is null || checkpoint.Trip is null)
        {
            return "skipped";
        }

        if (checkpoint.SavedVersion is { } saved)
        {
            return $"v{saved}";
        }

        var plans = execution.Grains.GetGrain<IPlanGrain>(execution.PlanId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var current = await GetPlanAsync(execution);
            if (execution.Run.Attempt > 1 && current.Version != checkpoint.PlanVersionBefore
                && JsonSerializer.Serialize(current.Content.Itinerary, AgentJson.Options) == JsonSerializer.Serialize(checkpoint.Itinerary, AgentJson.Options))
            {
                // Saved by an earlier attempt that died before its checkpoint.
                checkpoint.SavedVersion = current.Version;
                break;
            }

            var content = Compose(current.Content, checkpoint.Trip, checkpoint.Itinerary);
            var result = await plans.Update(execution.UserId, content, current.Version);
            if (result.Outcome == PlanOutcome.VersionMismatch)
            {
                continue;
            }

            if (result.Value is null)
            {
                throw new RunFailedException(result.Outcome == PlanOutcome.Forbidden ? "forbidden" : "plan_not_saved", $"The plan could not be saved ({result.Outcome}).");
            }

            checkpoint.SavedVersion = result.Value.Version;
            break;
        }

        if (checkpoint.SavedVersion is not { } version)
        {
            throw new RunFailedException("plan_conflict", "The plan kept changing while the agents tried to save it; send the message again.");
        }

        execution.Event("plan_version_created", new { planId = execution.PlanId, version });
        await RememberTripAsync(execution, checkpoint.Trip);
        return $"v{version}";
    }

    private async Task<string?> ReplyAsync(RunExecution execution)
    {
        var checkpoint = execution.Run.Checkpoint;
        checkpoint.Reply ??= execution.Run.Mode == "model" && checkpoint.ModelReply is { Length: > 0 } modelReply
            ? AppendNotes(modelReply, checkpoint)
            : await OfflineReplyAsync(execution);
        if (checkpoint.ReplyMessageSequence is null)
        {
            var session = execution.Grains.GetGrain<IAgentSessionGrain>(execution.SessionId);
            var last = await session.GetMessages(execution.UserId, Math.Max(0, (checkpoint.UserMessageSequence ?? 0)), 50);
            var existing = last.Value?.LastOrDefault(m => m.Role == MessageRole.Assistant && m.Content == checkpoint.Reply);
            checkpoint.ReplyMessageSequence = existing?.Sequence
                ?? (await session.AppendMessage(execution.UserId, MessageRole.Assistant, Truncate(checkpoint.Reply, Sessions.AgentSessionGrain.MaxMessageLength))).Value?.Sequence;
        }

        return Truncate(checkpoint.Reply, 200);
    }

    private async Task<string> OfflineReplyAsync(RunExecution execution)
    {
        var checkpoint = execution.Run.Checkpoint;
        var text = new StringBuilder();
        if (!checkpoint.Replan || checkpoint.Itinerary is null || checkpoint.Trip is null)
        {
            var plan = await GetPlanAsync(execution);
            text.Append(CultureInfo.InvariantCulture, $"Your plan \"{plan.Content.Title}\" (version {plan.Version}) ");
            if (plan.Content.Itinerary.Days.Count == 0)
            {
                text.Append("has no itinerary yet. Tell me where and when you want to go, for example \"5 days in Lisbon from 2027-05-01 for 2 people, budget 2000 EUR\".");
                return text.ToString();
            }

            var trip = TryTrip(plan.Content);
            var budget = trip is null ? null : planner.CheckBudget(trip, plan.Content.Itinerary);
            text.Append(CultureInfo.InvariantCulture, $"has {plan.Content.Itinerary.Days.Count} days");
            if (budget is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" and costs about {Amount(budget.Total)} {budget.Currency}");
                if (budget.Budget is { } limit)
                {
                    text.Append(CultureInfo.InvariantCulture, $" of your {Amount(limit)} {budget.Currency} budget");
                }
            }

            text.Append(". Ask me to change destinations, dates, travellers, budget, interests or pace, and I will re-plan it.");
            return text.ToString();
        }

        var request = checkpoint.Trip;
        text.Append(CultureInfo.InvariantCulture, $"Here is your {request.Days}-day plan for {string.Join(" and ", request.Destinations)}");
        if (checkpoint.SavedVersion is { } version)
        {
            text.Append(CultureInfo.InvariantCulture, $" (plan version {version})");
        }

        text.Append(':').AppendLine();
        foreach (var day in checkpoint.Itinerary.Days)
        {
            var highlights = day.Items.Where(i => i.Category is ItemCategory.Activity or ItemCategory.Flight or ItemCategory.Transport && i.Start is not null)
                .Select(i => $"{i.Start:HH\\:mm} {i.Title}").ToList();
            text.Append(CultureInfo.InvariantCulture, $"- {day.Date:ddd yyyy-MM-dd}: ").AppendLine(highlights.Count > 0 ? string.Join(", ", highlights) : "free day");
        }

        if (checkpoint.Budget is { } report)
        {
            text.Append(CultureInfo.InvariantCulture, $"Estimated total {Amount(report.Total)} {report.Currency}");
            if (report.Budget is { } limit)
            {
                text.Append(CultureInfo.InvariantCulture, $" of your {Amount(limit)} {report.Currency} budget");
            }

            text.Append(CultureInfo.InvariantCulture, $" (lodging {Amount(report.Lodging)}, food {Amount(report.Food)}, activities {Amount(report.Activities)}, transport {Amount(report.LocalTransport + report.IntercityTransport)}).").AppendLine();
        }

        if (checkpoint.Understood.Count > 0)
        {
            text.Append("I understood: ").Append(string.Join("; ", checkpoint.Understood)).AppendLine(".");
        }

        return AppendNotes(text.ToString().TrimEnd(), checkpoint);
    }

    private static string AppendNotes(string reply, RunCheckpoint checkpoint)
    {
        var notes = checkpoint.Notes.Concat(checkpoint.Issues.Select(i => "Fixed: " + i)).Take(8).ToList();
        return notes.Count == 0 ? reply : reply + Environment.NewLine + "Notes: " + string.Join(" ", notes);
    }

    private static string Amount(decimal value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static TripRequest? TryTrip(PlanContent content)
    {
        try
        {
            return TripRequest.FromPlan(content);
        }
        catch (PlanningException)
        {
            return null;
        }
    }

    private static PlanContent Compose(PlanContent current, TripRequest trip, Itinerary itinerary) =>
        current with
        {
            Destinations = trip.Destinations,
            StartDate = trip.StartDate,
            EndDate = trip.EndDate,
            TravelerCount = trip.Travelers,
            Budget = trip.Budget is { } total ? new PlanBudget(total, trip.Currency) : current.Budget,
            Preferences = trip.ToPreferences(),
            Status = current.Status is PlanStatus.Draft or PlanStatus.Confirmed ? PlanStatus.Planning : current.Status,
            Itinerary = itinerary,
        };

    private static async Task<PlanSnapshot> GetPlanAsync(RunExecution execution)
    {
        var plan = await execution.Grains.GetGrain<IPlanGrain>(execution.PlanId).Get(execution.UserId);
        return plan.Value ?? throw new RunFailedException("plan_not_found", "The session's plan no longer exists or is no longer shared with you.");
    }

    private async Task RememberTripAsync(RunExecution execution, TripRequest trip)
    {
        try
        {
            var text = $"Planned {trip.Days} days in {string.Join(", ", trip.Destinations)} for {trip.Travelers} from {trip.StartDate:yyyy-MM-dd}"
                + (trip.Interests.Count > 0 ? $", interested in {string.Join(", ", trip.Interests)}" : string.Empty)
                + $", pace {trip.Pace}, {trip.BudgetLevel} budget.";
            await execution.Grains.GetGrain<IUserMemoryGrain>(execution.UserId)
                .RememberAsync(new MemoryItem(MemoryCollections.AgentMemory, "trip-" + execution.PlanId, text) { Date = trip.StartDate.ToDateTime(TimeOnly.MinValue) });
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            // Memory is an extra: a missing or failing memory service never fails a run.
            LogMemoryFailed(logger, exception, execution.Run.Id);
        }
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
