using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Specialists;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Grains.Agents.Orchestration;

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
