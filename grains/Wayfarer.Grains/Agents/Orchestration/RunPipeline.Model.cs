using System.ClientModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Specialists;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>The model half of the interpret step: our tool loop with the agents as tools, spend caps checked before
/// every model call, every call charged and recorded, every turn checkpointed.</summary>
public sealed partial class RunPipeline
{
    /// <summary>The tools the orchestrator's model may call.</summary>
    public static readonly IReadOnlyList<ToolDefinition> Tools =
    [
        new("resolve_city", "Look a city up in the GeoNames catalogue; returns the city, its country, airports and currency, or suggestions.",
            """{"type":"object","properties":{"query":{"type":"string","description":"City name, optionally with country, e.g. 'Paris, FR'"}},"required":["query"]}"""),
        new("search_places", "Find curated places to visit in a city matching interests; returns ids, names, categories, areas, visit minutes, ticket prices in USD, tags.",
            """{"type":"object","properties":{"city":{"type":"string"},"interests":{"type":"array","items":{"type":"string"}},"limit":{"type":"integer","minimum":1,"maximum":30}},"required":["city"]}"""),
        new("estimate_transport", "Estimate a flight or ground transport between two cities on a date (estimates, not timetables).",
            """{"type":"object","properties":{"from":{"type":"string"},"to":{"type":"string"},"date":{"type":"string","format":"date"},"travelers":{"type":"integer","minimum":1}},"required":["from","to","date"]}"""),
        new("plan_trip", "Have the planning agents build a complete, validated day-by-day itinerary (opening hours, travel times, meals, lodging, transport, budget). Fields not given keep the plan's current values. The result becomes the proposed itinerary.",
            """{"type":"object","properties":{"destinations":{"type":"array","items":{"type":"string"}},"origin":{"type":"string"},"startDate":{"type":"string","format":"date"},"endDate":{"type":"string","format":"date"},"travelers":{"type":"integer","minimum":1},"budget":{"type":"number","minimum":0},"currency":{"type":"string"},"interests":{"type":"array","items":{"type":"string"}},"pace":{"type":"string","enum":["Relaxed","Balanced","Packed"]},"budgetLevel":{"type":"string","enum":["Budget","Moderate","Luxury"]}}}"""),
        new("check_budget", "Total the proposed itinerary by category and day against the budget.", """{"type":"object","properties":{}}"""),
        new("submit_itinerary", "Propose your own itinerary instead (whole days). It is validated against opening hours, travel times, overlaps and the budget; an invalid one is repaired or rejected.",
            """{"type":"object","properties":{"days":{"type":"array","items":{"type":"object","properties":{"date":{"type":"string","format":"date"},"items":{"type":"array","items":{"type":"object","properties":{"start":{"type":"string","description":"HH:mm"},"end":{"type":"string","description":"HH:mm"},"title":{"type":"string"},"placeId":{"type":"string"},"category":{"type":"string","enum":["Activity","Flight","Lodging","Transport","Dining","Other"]},"cost":{"type":"number","minimum":0}},"required":["title","category"]}}},"required":["date","items"]}}},"required":["days"]}"""),
    ];

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
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is ClientResultException or HttpRequestException or TimeoutException or OperationCanceledException or JsonException)
        {
            await host.ReleaseAsync();
            await RecordModelExecutionAsync(execution, choice, "failed", exception.Message);
            return ("model_error", $"The model ({choice.Model}) failed: {exception.Message}.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Cancelled (interrupt, rollback, deactivation) or failed: a reservation for a call that did not finish is
            // released, so it does not hold the traveller's cap until it expires.
            await host.ReleaseAsync();
            await RecordModelExecutionAsync(execution, choice, cancellationToken.IsCancellationRequested ? "cancelled" : "failed", exception.Message);
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

    private async Task RecordModelExecutionAsync(RunExecution execution, ModelChoice choice, string status, string? error)
    {
        var run = execution.Run;
        var config = AgentJson.Serialize(new { source = choice.Source, endpoint = choice.Endpoint?.GetLeftPart(UriPartial.Authority), maxOutputTokens = modelOptions.Value.MaxOutputTokens, maxToolIterations = modelOptions.Value.MaxToolIterations, tools = Tools.Select(t => t.Name) });
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
            execution.Event("model_call", new { iteration = iteration + 1, model = choice.Model, reservedUsd = estimate });
            return true;
        }

        public async Task AfterModelCallAsync(ModelUsage usage, string? modelId, CancellationToken cancellationToken)
        {
            var run = execution.Run;
            var cost = pipeline.Prices.Cost(choice.Model, usage.PromptTokens, usage.CompletionTokens);
            var at = pipeline.Clock.GetUtcNow();
            await Ledger.Charge(new CostCharge(Guid.CreateVersion7(at), _reservation, execution.PlanId, run.Id, run.Checkpoint.ModelExecutionId, choice.Provider, choice.Model,
                usage.PromptTokens, usage.CompletionTokens, cost, usage.Estimated ? "chat-estimated" : "chat", at));
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
        }

        public Task CheckpointAsync(IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken)
        {
            execution.Run.Checkpoint.Transcript = [.. transcript];
            return execution.Checkpoint();
        }

        public async Task ReleaseAsync()
        {
            if (_reservation is { } reservation)
            {
                await Ledger.Release(reservation);
                _reservation = null;
            }
        }
    }

    private async Task<string> DispatchToolAsync(RunExecution execution, PlanSnapshot plan, string name, string arguments)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(arguments) ? "{}" : arguments);
        var args = document.RootElement;
        var checkpoint = execution.Run.Checkpoint;
        var grains = execution.Grains;
        switch (name)
        {
            case "resolve_city":
            {
                var lookup = await grains.GetGrain<ILocationAgentGrain>(AgentKeys.Shared).LookupCity(Text(args, "query") ?? throw new ArgumentException("query is required."));
                return AgentJson.Serialize(lookup.Found
                    ? new { found = true, city = lookup.City!.Label, lookup.City.Currency, airports = lookup.City.Airports, lookup.City.HasCuratedPlaces }
                    : (object)new { found = false, lookup.Suggestions });
            }

            case "search_places":
            {
                var result = await grains.GetGrain<IActivityAgentGrain>(AgentKeys.Shared).SearchPlaces(
                    Text(args, "city") ?? throw new ArgumentException("city is required."), Strings(args, "interests") ?? [], Int(args, "limit") ?? 12);
                return AgentJson.Serialize(new
                {
                    result.City,
                    result.Message,
                    places = result.Places.Select(p => new { id = p.PlaceId, p.Name, p.Category, p.Area, minutes = p.DurationMinutes, p.TicketUsd, p.Tags }),
                });
            }

            case "estimate_transport":
            {
                var leg = await grains.GetGrain<ITransportAgentGrain>(AgentKeys.Shared).Estimate(
                    Text(args, "from") ?? throw new ArgumentException("from is required."), Text(args, "to") ?? throw new ArgumentException("to is required."),
                    Date(args, "date") ?? throw new ArgumentException("date is required (yyyy-MM-dd)."), Int(args, "travelers") ?? plan.Content.TravelerCount);
                return AgentJson.Serialize(leg);
            }

            case "plan_trip":
            {
                var overrides = new TripOverrides(Strings(args, "destinations"), Text(args, "origin"), Date(args, "startDate"), Date(args, "endDate"), Int(args, "travelers"),
                    Decimal(args, "budget"), null, Text(args, "currency")?.ToUpperInvariant(), Strings(args, "interests"),
                    Enum<Wayfarer.GrainInterfaces.Users.TravelPace>(args, "pace"), Enum<Wayfarer.GrainInterfaces.Users.BudgetLevel>(args, "budgetLevel"));
                var interpretation = interpreter.Interpret(string.Empty, plan.Content, overrides, RunKind.Generate, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime));
                if (interpretation.Trip is not { } trip)
                {
                    return AgentJson.Serialize(new { error = "Missing: " + string.Join(", ", interpretation.Missing) });
                }

                var resolved = await grains.GetGrain<ILocationAgentGrain>(AgentKeys.Shared).Resolve(trip);
                var draft = await grains.GetGrain<IPlanningAgentGrain>(AgentKeys.Shared).BuildItinerary(trip, resolved);
                checkpoint.Trip = resolved.Request;
                checkpoint.Resolved = resolved;
                checkpoint.Itinerary = draft.Itinerary;
                checkpoint.ItinerarySource = "offline";
                checkpoint.Budget = draft.Budget;
                checkpoint.Notes = [.. draft.Notes];
                checkpoint.Replan = true;
                return AgentJson.Serialize(new
                {
                    days = draft.Itinerary.Days.Select(d => new { d.Date, items = d.Items.Select(i => $"{i.Start:HH\\:mm}-{i.End:HH\\:mm} {i.Title}") }),
                    budget = new { draft.Budget.Total, draft.Budget.Currency, draft.Budget.Budget, draft.Budget.WithinBudget },
                    notes = draft.Notes.Take(5),
                });
            }

            case "check_budget":
            {
                if (checkpoint.Trip is null || checkpoint.Itinerary is null)
                {
                    return AgentJson.Serialize(new { error = "There is no proposed itinerary yet: call plan_trip or submit_itinerary first." });
                }

                var report = await grains.GetGrain<IBudgetAgentGrain>(AgentKeys.Shared).Check(checkpoint.Trip, checkpoint.Itinerary);
                return AgentJson.Serialize(report);
            }

            case "submit_itinerary":
            {
                var trip = checkpoint.Trip ?? interpreter.Interpret(string.Empty, plan.Content, null, RunKind.Generate, DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime)).Trip
                    ?? throw new ArgumentException("The plan has no destinations yet: call plan_trip with destinations first.");
                var days = new List<ItineraryDay>();
                foreach (var day in args.GetProperty("days").EnumerateArray())
                {
                    var items = new List<ItineraryItem>();
                    foreach (var item in day.GetProperty("items").EnumerateArray())
                    {
                        var placeId = Text(item, "placeId");
                        var place = planner.Data.Places.Place(placeId);
                        items.Add(new ItineraryItem(
                            Time(item, "start"), Time(item, "end"), Text(item, "title") ?? "Untitled", place is null ? null : placeId,
                            Enum<ItemCategory>(item, "category") ?? ItemCategory.Other, place is null ? null : new GeoPoint(place.Lat, place.Lon),
                            Decimal(item, "cost") is { } cost ? new Money(cost, trip.Currency) : null, "Proposed by the model."));
                    }

                    days.Add(new ItineraryDay(Date(day, "date") ?? throw new ArgumentException("Every day needs a date."), items));
                }

                checkpoint.Trip = trip;
                checkpoint.Itinerary = new Itinerary(days);
                checkpoint.ItinerarySource = "model";
                checkpoint.Budget = planner.CheckBudget(trip, checkpoint.Itinerary);
                checkpoint.Replan = true;
                return AgentJson.Serialize(new { accepted = true, note = "It will be validated (and repaired or rejected) before it is saved.", budget = new { checkpoint.Budget.Total, checkpoint.Budget.Currency } });
            }

            default:
                return AgentJson.Serialize(new { error = $"Unknown tool '{name}'. Tools: {string.Join(", ", Tools.Select(t => t.Name))}." });
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static decimal? Decimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : null;

    private static DateOnly? Date(JsonElement element, string name) =>
        Text(element, name) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static TimeOnly? Time(JsonElement element, string name) =>
        Text(element, name) is { } text ? TimeOnly.ParseExact(text, "HH:mm", CultureInfo.InvariantCulture) : null;

    private static IReadOnlyList<string>? Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : null;

    private static T? Enum<T>(JsonElement element, string name)
        where T : struct, System.Enum =>
        Text(element, name) is { } text && System.Enum.TryParse<T>(text, ignoreCase: true, out var value) ? value : null;
}
