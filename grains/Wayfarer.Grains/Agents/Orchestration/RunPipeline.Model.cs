using System.ClientModel;
using System.Text.Json;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>The model half of the interpret step: our tool loop with the agents as tools, spend caps checked before
/// every model call, every call charged and recorded, every turn checkpointed.</summary>
public sealed partial class RunPipeline
{

    /// <summary>Runs the model; null when it answered, else why it could not (spend cap, model error) for a fallback.</summary>
    private async Task<(string Code, string Message)?> RunModelAsync(RunExecution execution, ModelChoice choice, PlanSnapshot plan, CancellationToken cancellationToken)
    {
        var checkpoint = execution.Run.Checkpoint;
        checkpoint.ModelExecutionId ??= Guid.CreateVersion7(timeProvider.GetUtcNow());
        if (checkpoint.Transcript is null)
        {
            var memories = await RecallAsync(execution);
            checkpoint.Transcript =
            [
                new TranscriptEntry("system", SystemPrompt(plan, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime), memories)),
                new TranscriptEntry("user", execution.Run.Request.Message),
            ];
        }

        var host = new ModelHost(this, execution, choice, plan);
        using var client = chatClients.Create(choice);
        ToolLoopResult result;
        try
        {
            result = await ToolLoop.RunAsync(client, checkpoint.Transcript, Tools, modelOptions.Value.MaxToolIterations, modelOptions.Value.MaxOutputTokens, host, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is ClientResultException or HttpRequestException or TimeoutException or OperationCanceledException or JsonException or ArgumentException)
        {
            await host.SettleAbortedCallAsync();
            var reason = Describe(exception);
            await RecordModelExecutionAsync(execution, choice, "failed", reason);
            return ("model_error", $"The model ({choice.Model}) failed: {reason}.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Cancelled (interrupt, rollback, deactivation) or failed: a call that was sent is charged (the provider bills
            // it), one that was not is released, so nothing holds the traveller's cap until it expires.
            await host.SettleAbortedCallAsync();
            await RecordModelExecutionAsync(execution, choice, cancellationToken.IsCancellationRequested ? "cancelled" : "failed", exception.GetType().Name);
            throw;
        }

        if (result.StoppedBySpendCap)
        {
            await RecordModelExecutionAsync(execution, choice, "denied", host.DenialMessage);
            return ("spend_cap", host.DenialMessage ?? "A spend cap was reached.");
        }

        checkpoint.ModelReply = result.FinalText ?? "Done.";
        if (result.HitIterationLimit)
        {
            checkpoint.Notes.Add($"The model used all {modelOptions.Value.MaxToolIterations} tool turns.");
        }

        await RecordModelExecutionAsync(execution, choice, "succeeded", null);
        return null;
    }

    /// <summary>Why a model call failed, without the server's own text (which may echo keys or request bodies).</summary>
    private static string Describe(Exception exception) => exception switch
    {
        ClientResultException { Status: > 0 } result => $"the endpoint answered HTTP {result.Status}",
        ClientResultException or HttpRequestException => "the endpoint could not be reached",
        TimeoutException or OperationCanceledException => "the call timed out",
        JsonException or ArgumentException => "the endpoint's answer could not be read",
        _ => exception.GetType().Name,
    };

    /// <summary>An endpoint as recorded in the ledgers: scheme, host and port only (never user info, path or query).</summary>
    private static string? RecordedEndpoint(Uri? endpoint) =>
        endpoint is null ? null : new UriBuilder(endpoint) { UserName = string.Empty, Password = string.Empty }.Uri.GetLeftPart(UriPartial.Authority);

    private async Task RecordModelExecutionAsync(RunExecution execution, ModelChoice choice, string status, string? error)
    {
        var run = execution.Run;
        var config = AgentJson.Serialize(new { source = choice.Source, endpoint = RecordedEndpoint(choice.Endpoint), maxOutputTokens = modelOptions.Value.MaxOutputTokens, maxToolIterations = modelOptions.Value.MaxToolIterations, tools = Tools.Select(t => t.Name) });
        await ledger.WriteAsync(new AgentExecutionRecord(run.Checkpoint.ModelExecutionId!.Value, run.Id, execution.UserId, execution.PlanId, "orchestrator",
            AgentExecutionLog.AgentVersion, config, choice.Provider, choice.Model, "chat: " + Truncate(run.Request.Message, 2_000), run.Checkpoint.ModelReply,
            run.PromptTokens, run.CompletionTokens, run.CostUsd, ((timeProvider.GetUtcNow() - (run.StartedAt ?? run.CreatedAt)).TotalMilliseconds), status, error,
            run.StartedAt ?? run.CreatedAt), CancellationToken.None);
    }

    /// <summary>What agent memory holds about the traveller that is relevant to the message (semantic search over their
    /// preferences, past plans and what the agents remembered); empty when memory is not available.</summary>
    private async Task<IReadOnlyList<string>> RecallAsync(RunExecution execution)
    {
        try
        {
            var response = await execution.Grains.GetGrain<Wayfarer.GrainInterfaces.Memory.ISearchGrain>(0).SearchAsync(
                new Wayfarer.GrainInterfaces.Memory.SearchRequest(execution.Run.Request.Message)
                {
                    UserId = execution.UserId,
                    Collections = [Wayfarer.GrainInterfaces.Memory.MemoryCollections.AgentMemory, Wayfarer.GrainInterfaces.Memory.MemoryCollections.UserPreferences, Wayfarer.GrainInterfaces.Memory.MemoryCollections.TravelPlans],
                    Limit = 3,
                    InferCity = false,
                });
            return [.. response.Hits.Select(h => Truncate(h.Text, 300))];
        }
        catch (Exception exception) when (exception is not OperationCanceledException and not OutOfMemoryException)
        {
            LogRecallFailed(logger, exception, execution.Run.Id);
            return [];
        }
    }

    private static string SystemPrompt(PlanSnapshot plan, DateOnly today, IReadOnlyList<string> memories)
    {
        var content = plan.Content;
        var summary = AgentJson.Serialize(new
        {
            content.Title,
            content.Destinations,
            content.StartDate,
            content.EndDate,
            content.TravelerCount,
            content.Budget,
            preferences = content.Preferences,
            days = content.Itinerary.Days.Select(d => new { d.Date, items = d.Items.Select(i => $"{i.Start:HH\\:mm}-{i.End:HH\\:mm} {i.Title}") }),
        }, 6_000);
        return $"""
            You are Wayfarer's travel-planning orchestrator. Today is {today:yyyy-MM-dd}. You work with specialist agents through tools.
            To create or change the itinerary, call plan_trip (it returns a feasible plan that respects opening hours, travel times, meals and the budget),
            optionally after resolve_city, search_places and estimate_transport. Only call submit_itinerary to propose a fully custom itinerary; use real
            place ids from search_places. Never invent prices or opening hours. When done, answer the traveller in a few plain sentences (no JSON).
            The traveller's current plan: {summary}
            {(memories.Count > 0 ? "What Wayfarer remembers about this traveller: " + string.Join(" | ", memories) : string.Empty)}
            """;
    }

    private sealed class ModelHost(RunPipeline pipeline, RunExecution execution, ModelChoice choice, PlanSnapshot plan) : IToolLoopHost
    {
        private Guid? _reservation;
        private int _promptEstimate;
        private int _streamedCharacters;

        public string? DenialMessage { get; private set; }

        private IUserLedgerGrain Ledger => execution.Grains.GetGrain<IUserLedgerGrain>(execution.UserId);

        public async Task<bool> BeforeModelCallAsync(int iteration, int estimatedPromptTokens, CancellationToken cancellationToken)
        {
            var estimate = pipeline.Prices.Cost(choice.Model, estimatedPromptTokens + 200, pipeline.ModelSettings.MaxOutputTokens);
            var reservationId = Guid.CreateVersion7(pipeline.Clock.GetUtcNow());
            var decision = await Ledger.Reserve(new SpendReservation(reservationId, execution.PlanId, estimate, $"orchestrator model call {iteration + 1} of run {execution.Run.Id}"));
            if (!decision.Allowed)
            {
                DenialMessage = decision.Message ?? $"Spend cap reached ({decision.Reason}).";
                pipeline.Metrics.SpendDenied.Add(1, new KeyValuePair<string, object?>("reason", decision.Reason));
                execution.Event("spend_cap", new { reason = decision.Reason, message = DenialMessage, todayUsd = decision.Summary.TodayUsd, limits = decision.Summary.Limits });
                return false;
            }

            _reservation = reservationId;
            _promptEstimate = estimatedPromptTokens;
            _streamedCharacters = 0;
            execution.Event("model_call", new { iteration = iteration + 1, model = choice.Model, reservedUsd = estimate });
            return true;
        }

        public async Task AfterModelCallAsync(ModelUsage usage, string? modelId, CancellationToken cancellationToken)
        {
            await ChargeAsync(usage, usage.Estimated ? "chat-estimated" : "chat");
        }

        /// <summary>Charges the call just made; the reservation id is the charge id, so a retried charge counts once.</summary>
        private async Task ChargeAsync(ModelUsage usage, string category)
        {
            var run = execution.Run;
            var cost = pipeline.Prices.Cost(choice.Model, usage.PromptTokens, usage.CompletionTokens);
            var at = pipeline.Clock.GetUtcNow();
            var reservation = _reservation;
            await Ledger.Charge(new CostCharge(reservation ?? Guid.CreateVersion7(at), reservation, execution.PlanId, run.Id, run.Checkpoint.ModelExecutionId, choice.Provider,
                choice.Model, usage.PromptTokens, usage.CompletionTokens, cost, category, at));
            _reservation = null;
            run.PromptTokens += usage.PromptTokens;
            run.CompletionTokens += usage.CompletionTokens;
            run.CostUsd += cost;
            pipeline.Metrics.ModelTokens.Add(usage.PromptTokens, new KeyValuePair<string, object?>("model", choice.Model), new KeyValuePair<string, object?>("kind", "prompt"));
            pipeline.Metrics.ModelTokens.Add(usage.CompletionTokens, new KeyValuePair<string, object?>("model", choice.Model), new KeyValuePair<string, object?>("kind", "completion"));
            pipeline.Metrics.ModelCost.Add((double)cost, new KeyValuePair<string, object?>("model", choice.Model));
            execution.Event("cost", new { costUsd = run.CostUsd, promptTokens = run.PromptTokens, completionTokens = run.CompletionTokens, lastCallUsd = cost });
        }

        public Task OnPartialTextAsync(string delta)
        {
            _streamedCharacters += delta.Length;
            execution.Event("partial_text", new { text = delta });
            return Task.CompletedTask;
        }

        public async Task<string> InvokeToolAsync(string callId, string name, string arguments, CancellationToken cancellationToken)
        {
            try
            {
                var result = await pipeline.RecordToolAsync(execution, execution.Run.Checkpoint.ModelExecutionId, name, arguments,
                    () => pipeline.DispatchToolAsync(execution, plan, name, arguments), cancellationToken);
                return result;
            }
            catch (Exception exception) when (exception is PlanningException or JsonException or FormatException or ArgumentException or KeyNotFoundException or InvalidOperationException)
            {
                return JsonSerializer.Serialize(new { error = exception.Message }, AgentJson.Options);
            }
            catch (Wayfarer.Runtime.Transport.RemoteGrainException exception) when (!exception.IsTransient)
            {
                return JsonSerializer.Serialize(new { error = exception.OriginalMessage }, AgentJson.Options);
            }
        }

        public Task CheckpointAsync(IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken)
        {
            execution.Run.Checkpoint.Transcript = [.. transcript];
            return execution.Checkpoint();
        }

        /// <summary>Settles a call that did not finish: charged as an estimate (prompt plus the text streamed so far) once
        /// it was sent, since the provider bills it; released when the call never started.</summary>
        public async Task SettleAbortedCallAsync()
        {
            if (_reservation is not { } reservation)
            {
                return;
            }

            if (_promptEstimate > 0)
            {
                await ChargeAsync(new ModelUsage(_promptEstimate, (_streamedCharacters + 3) / 4, Estimated: true), "chat-aborted");
            }
            else
            {
                await Ledger.Release(reservation);
                _reservation = null;
            }
        }
    }
}
