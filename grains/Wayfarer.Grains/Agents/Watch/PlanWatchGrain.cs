using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Ledger;
using Wayfarer.Planning;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Validation;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Watch;

/// <summary>Re-validates a confirmed plan (dates, opening hours on the booked weekdays, travel times, budget) before
/// departure and records a notification for the traveller when something no longer holds.</summary>
[GrainType("plan-watch")]
public sealed partial class PlanWatchGrain(
    [PersistentState("plan-watch")] IPersistentState<PlanWatchState> state,
    PlanningData data,
    ILedgerWriter ledger,
    IOptions<AgentOptions> options,
    TimeProvider timeProvider,
    ILogger<PlanWatchGrain> logger) : Grain, IPlanWatchGrain, IRemindable
{
    /// <summary>The reminder's name.</summary>
    public const string ReminderName = "departure-recheck";

    private static readonly TimeSpan MinimumDue = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    public async Task Watch(string ownerId, DateOnly startDate)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerId);
        if (state.State.OwnerId == ownerId && state.State.StartDate == startDate && await GetReminder(ReminderName) is not null)
        {
            return;
        }

        state.State.OwnerId = ownerId;
        state.State.StartDate = startDate;
        await state.WriteStateAsync();
        var departure = new DateTimeOffset(startDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var due = departure - options.Value.RecheckBeforeDeparture - timeProvider.GetUtcNow();
        await RegisterOrUpdateReminder(ReminderName, due < MinimumDue ? MinimumDue : due, TimeSpan.FromDays(1));
    }

    /// <inheritdoc />
    public async Task Unwatch()
    {
        if (await GetReminder(ReminderName) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task<PlanWatchStatus> GetStatus() =>
        new(await GetReminder(ReminderName) is not null, state.State.StartDate, state.State.Checks, state.State.LastCheckedAt, [.. state.State.LastIssues]);

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ReminderName)
        {
            return;
        }

        var planId = this.GetPrimaryKeyString();
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var plan = state.State.OwnerId is { } owner ? (await GrainFactory.GetGrain<IPlanGrain>(planId).Get(owner)).Value : null;
        if (plan is null || plan.Content.Status != PlanStatus.Confirmed || plan.Content.StartDate is not { } start || start < today)
        {
            await Unwatch();
            return;
        }

        var issues = Check(plan.Content, today);
        state.State.Checks++;
        state.State.LastCheckedAt = timeProvider.GetUtcNow();
        state.State.LastIssues = issues;
        var fingerprint = string.Join("\n", issues);
        if (issues.Count > 0 && fingerprint != state.State.LastNotified)
        {
            await ledger.WriteAsync(new NotificationRecord(Guid.CreateVersion7(timeProvider.GetUtcNow()), plan.OwnerId, planId, "plan_recheck",
                $"\"{plan.Content.Title}\" needs attention before departure on {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                string.Join(Environment.NewLine, issues.Select(i => "- " + i)), timeProvider.GetUtcNow()));
            state.State.LastNotified = fingerprint;
            LogNotified(logger, planId, issues.Count);
        }

        await state.WriteStateAsync();
    }

    private List<string> Check(PlanContent content, DateOnly today)
    {
        var issues = new List<string>();
        try
        {
            var trip = TripRequest.FromPlan(content);
            var report = PlanValidator.Validate(content, ValidationOptions.For(trip, data));
            issues.AddRange(report.Issues.Where(i => i.Severity == ValidationSeverity.Error).Select(i => i.Message));
        }
        catch (PlanningException exception)
        {
            issues.Add(exception.Message);
        }

        if (content.Itinerary.Days.Count == 0)
        {
            issues.Add("The plan has no itinerary.");
        }
        else if (content.Itinerary.Days[0].Date < today)
        {
            issues.Add("The itinerary starts in the past.");
        }

        return issues;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} re-checked before departure: {Count} issues, traveller notified")]
    private static partial void LogNotified(ILogger logger, string planId, int count);
}
