using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

public sealed partial class RunPipeline
{
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
}
