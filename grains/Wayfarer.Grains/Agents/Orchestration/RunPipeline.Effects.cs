using System.Text.Json;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Specialists;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;
using Wayfarer.Planning.Validation;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents.Orchestration;

public sealed partial class RunPipeline
{
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
                    await planChanges.NotifyAsync(execution.PlanId, "updated", snapshot.Version);
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
            execution.CancellationToken.ThrowIfCancellationRequested();
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
        await planChanges.NotifyAsync(execution.PlanId, "updated", version);
        await RememberTripAsync(execution, checkpoint.Trip);
        return $"v{version}";
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
}
