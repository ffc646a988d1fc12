using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Ledger;

/// <summary>One user's spend ledger; see <see cref="IUserLedgerGrain"/>. Today's spend, per-plan totals, open
/// reservations and the outbox are all in the persisted state, so caps stay right across restarts and fail-overs.</summary>
/// <remarks>A reservation or charge is written to storage before the call returns. Charges then reach
/// <c>cost_tracking</c> through the outbox (<c>UserLedgerGrain.Outbox.cs</c>).</remarks>
[GrainType("ledger")]
public sealed partial class UserLedgerGrain(
    [PersistentState("ledger")] IPersistentState<UserLedgerState> ledger,
    ICostWriter costs,
    IOptions<LedgerOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider timeProvider,
    LedgerTelemetry telemetry,
    ILogger<UserLedgerGrain> logger) : Grain, IUserLedgerGrain, IRemindable
{
    private readonly LedgerOptions _options = options.Value;
    private HashSet<Guid> _recent = [];

    private UserLedgerState State => ledger.State;

    private string UserId => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _recent = [.. State.RecentCharges, .. State.Outbox.Select(c => c.ChargeId)];
        if (State.Outbox.Count > 0)
        {
            // The reminder was registered when these charges were persisted; flush them now rather than at its next tick.
            _reminderRegistered = true;
            ScheduleFlush(TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<SpendDecision> Reserve(SpendReservation reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        CheckAmount(reservation.EstimatedUsd, nameof(reservation));
        var now = timeProvider.GetUtcNow();
        Tidy(now);
        if (State.Reservations.ContainsKey(reservation.ReservationId))
        {
            return new SpendDecision(true, null, null, Summary(reservation.PlanId, now));
        }

        var limits = Limits();
        var reserved = State.Reservations.Values.Sum(r => r.Usd);
        if (limits.DailyUsd is { } daily && State.TodayUsd + reserved + reservation.EstimatedUsd > daily)
        {
            return Deny("daily_cap", string.Create(CultureInfo.InvariantCulture,
                $"{reservation.Purpose} needs up to ${reservation.EstimatedUsd:0.####}, which would take today's AI spend past your daily limit of ${daily:0.00} (${State.TodayUsd + reserved:0.00} used or in use). The limit resets at midnight UTC; you can raise it in your settings."),
                reservation, now);
        }

        if (reservation.PlanId is { } planId && limits.PerPlanUsd is { } perPlan)
        {
            var planReserved = State.Reservations.Values.Where(r => r.PlanId == planId).Sum(r => r.Usd);
            var planSpent = State.PlanUsd.GetValueOrDefault(planId);
            if (planSpent + planReserved + reservation.EstimatedUsd > perPlan)
            {
                return Deny("plan_cap", string.Create(CultureInfo.InvariantCulture,
                    $"{reservation.Purpose} needs up to ${reservation.EstimatedUsd:0.####}, which would take this plan's AI spend past your per-plan limit of ${perPlan:0.00} (${planSpent + planReserved:0.00} used or in use). You can raise the limit in your settings."),
                    reservation, now);
            }
        }

        State.Reservations[reservation.ReservationId] = new ReservationEntry(reservation.PlanId, reservation.EstimatedUsd, now + _options.ReservationTimeToLive);
        await WriteAsync();
        return new SpendDecision(true, null, null, Summary(reservation.PlanId, now));
    }

    /// <inheritdoc />
    public async Task<SpendSummary> Charge(CostCharge charge)
    {
        ArgumentNullException.ThrowIfNull(charge);
        CheckAmount(charge.CostUsd, nameof(charge));
        ArgumentException.ThrowIfNullOrWhiteSpace(charge.Provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(charge.Model);
        ArgumentException.ThrowIfNullOrWhiteSpace(charge.Category);
        if (charge.PromptTokens < 0 || charge.CompletionTokens < 0)
        {
            throw new ArgumentException("Token counts must not be negative.", nameof(charge));
        }

        var now = timeProvider.GetUtcNow();
        if (_recent.Contains(charge.ChargeId))
        {
            return Summary(charge.PlanId, now);
        }

        Tidy(now);
        if (charge.ReservationId is { } reservationId)
        {
            State.Reservations.Remove(reservationId);
        }

        if (DateOnly.FromDateTime(charge.At.UtcDateTime) >= State.Day)
        {
            State.TodayUsd += charge.CostUsd;
        }

        if (charge.PlanId is { } planId)
        {
            State.PlanUsd[planId] = State.PlanUsd.GetValueOrDefault(planId) + charge.CostUsd;
        }

        State.Outbox.Add(charge);
        Remember(charge.ChargeId);
        await Task.WhenAll(WriteAsync(), EnsureReminderAsync());
        telemetry.ChargedUsd.Add((double)charge.CostUsd, new KeyValuePair<string, object?>("model", charge.Model));
        ScheduleFlush(_options.OutboxFlushDelay);
        return Summary(charge.PlanId, now);
    }

    /// <inheritdoc />
    public async Task Release(Guid reservationId)
    {
        if (State.Reservations.Remove(reservationId))
        {
            Tidy(timeProvider.GetUtcNow());
            await WriteAsync();
        }
    }

    /// <inheritdoc />
    public Task<SpendLimits> GetLimits() => Task.FromResult(Limits());

    /// <inheritdoc />
    public async Task<SpendLimits> SetLimits(SpendLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        CheckLimit(limits.DailyUsd, nameof(limits));
        CheckLimit(limits.PerPlanUsd, nameof(limits));
        State.LimitsSet = true;
        State.DailyUsd = limits.DailyUsd;
        State.PerPlanUsd = limits.PerPlanUsd;
        await WriteAsync();
        return Limits();
    }

    /// <inheritdoc />
    public Task<SpendSummary> GetSpend(string? planId) => Task.FromResult(Summary(planId, timeProvider.GetUtcNow()));

    /// <inheritdoc />
    public async Task Erase()
    {
        // The money is kept for accounting (its user id is cleared by the eraser afterwards), so pending charges are
        // committed first; if that fails the erase fails and can be retried.
        await FlushOutboxAsync();
        _flushTimer?.Dispose();
        _flushTimer = null;
        if (ledger.RecordExists)
        {
            await ledger.ClearStateAsync();
        }
        else
        {
            ledger.State = new UserLedgerState();
        }

        _recent.Clear();
        _dirty = false;
        await UnregisterOutboxReminderAsync();
        LedgerLog.LedgerErased(logger);
        DeactivateOnIdle();
    }

    private SpendLimits Limits() => State.LimitsSet
        ? new SpendLimits(State.DailyUsd, State.PerPlanUsd)
        : new SpendLimits(_options.DefaultDailyUsd, _options.DefaultPerPlanUsd);

    private SpendSummary Summary(string? planId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var todayUsd = State.Day == today ? State.TodayUsd : 0m;
        var reserved = State.Reservations.Values.Where(r => r.ExpiresAt > now).Sum(r => r.Usd);
        var planUsd = planId is null ? 0m : State.PlanUsd.GetValueOrDefault(planId);
        return new SpendSummary(today, todayUsd, reserved, planId, planUsd, Limits());
    }

    /// <summary>Starts a new UTC day when the date has changed and drops expired reservations (in memory; persisted with
    /// the next write).</summary>
    private void Tidy(DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (State.Day != today)
        {
            State.Day = today;
            State.TodayUsd = 0m;
        }

        foreach (var expired in State.Reservations.Where(r => r.Value.ExpiresAt <= now).Select(r => r.Key).ToList())
        {
            State.Reservations.Remove(expired);
        }
    }

    private SpendDecision Deny(string reason, string message, SpendReservation reservation, DateTimeOffset now)
    {
        telemetry.Denials.Add(1, new KeyValuePair<string, object?>("reason", reason));
        LedgerLog.SpendDenied(logger, reservation.Purpose, reason);
        return new SpendDecision(false, reason, message, Summary(reservation.PlanId, now));
    }

    private void Remember(Guid chargeId)
    {
        _recent.Add(chargeId);
        State.RecentCharges.Add(chargeId);
        var surplus = State.RecentCharges.Count - _options.RememberedCharges;
        if (surplus > 0)
        {
            foreach (var old in State.RecentCharges.Take(surplus))
            {
                if (!State.Outbox.Exists(c => c.ChargeId == old))
                {
                    _recent.Remove(old);
                }
            }

            State.RecentCharges.RemoveRange(0, surplus);
        }
    }

    private async Task WriteAsync()
    {
        await ledger.WriteStateAsync();
        _dirty = false;
    }

    private static void CheckAmount(decimal usd, string name)
    {
        if (usd is < 0 or > SpendLimits.MaxUsd)
        {
            throw new ArgumentException($"The amount must be between 0 and {SpendLimits.MaxUsd} USD.", name);
        }
    }

    private static void CheckLimit(decimal? usd, string name)
    {
        if (usd is { } value)
        {
            CheckAmount(value, name);
        }
    }
}
