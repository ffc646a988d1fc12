using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>One user's spend ledger: limits, today's and each plan's spend, open reservations, and an outbox of charges
/// not yet in <c>cost_tracking</c>. Keyed by the user id.</summary>
/// <remarks>Caps are enforced before a model call (<see cref="Reserve"/>), not counted after the fact. A charge is in
/// this grain's persisted state before <see cref="Charge"/> returns, and reaches <c>cost_tracking</c> in batches; a
/// reminder flushes the outbox after a crash, so a charged cost is never lost.</remarks>
public interface IUserLedgerGrain : IGrainWithStringKey
{
    /// <summary>Reserves an estimated cost before a model call. Denied (with the reason) when today's spend plus open
    /// reservations plus the estimate would pass the daily cap, or the plan's spend would pass the per-plan cap.</summary>
    Task<SpendDecision> Reserve(SpendReservation reservation);

    /// <summary>Records the actual cost of a call (persisted before this returns) and releases its reservation, if any.
    /// Idempotent by <see cref="CostCharge.ChargeId"/>.</summary>
    Task<SpendSummary> Charge(CostCharge charge);

    /// <summary>Releases a reservation whose call did not happen or failed before costing anything.</summary>
    Task Release(Guid reservationId);

    /// <summary>Reads the limits.</summary>
    [ReadOnly]
    Task<SpendLimits> GetLimits();

    /// <summary>Replaces the limits.</summary>
    Task<SpendLimits> SetLimits(SpendLimits limits);

    /// <summary>Today's spend (UTC day), the plan's spend when <paramref name="planId"/> is given, and the limits.</summary>
    [ReadOnly]
    Task<SpendSummary> GetSpend(string? planId);

    /// <summary>Writes pending charges to <c>cost_tracking</c> now. Returns how many were written.</summary>
    Task<int> Flush();

    /// <summary>Forgets everything about the user (GDPR erase): limits, totals and outbox.</summary>
    Task Erase();
}

/// <summary>A request to reserve money before a model call.</summary>
/// <param name="ReservationId">Unique id; the matching <see cref="CostCharge.ReservationId"/> releases it.</param>
/// <param name="PlanId">The plan the call works for, if any (per-plan cap).</param>
/// <param name="EstimatedUsd">Worst-case cost of the call in USD.</param>
/// <param name="Purpose">What for (agent and step), for the error message and logs.</param>
[Immutable]
public sealed record SpendReservation(Guid ReservationId, string? PlanId, decimal EstimatedUsd, string Purpose);

/// <summary>The answer to <see cref="IUserLedgerGrain.Reserve"/>.</summary>
/// <param name="Allowed">Whether the call may go ahead.</param>
/// <param name="Reason">Why not (null when allowed), such as <c>daily_cap</c> or <c>plan_cap</c>.</param>
/// <param name="Message">A sentence for the traveller.</param>
/// <param name="Summary">Spend and limits after the decision.</param>
[Immutable]
public sealed record SpendDecision(bool Allowed, string? Reason, string? Message, SpendSummary Summary);

/// <summary>The actual cost of one model call.</summary>
/// <param name="ChargeId">Unique id (the cost_tracking row id).</param>
/// <param name="ReservationId">The reservation it settles, if any.</param>
/// <param name="PlanId">The plan, if any.</param>
/// <param name="RunId">The agent run, if any.</param>
/// <param name="ExecutionId">The agent execution, if any.</param>
/// <param name="Provider">Such as <c>openai</c> or <c>openai-compatible</c>.</param>
/// <param name="Model">The model name.</param>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="CostUsd">The cost in USD from the price table.</param>
/// <param name="Category">Such as <c>chat</c>, <c>embedding</c> or <c>tool</c>.</param>
/// <param name="At">When the call finished.</param>
[Immutable]
public sealed record CostCharge(
    Guid ChargeId,
    Guid? ReservationId,
    string? PlanId,
    Guid? RunId,
    Guid? ExecutionId,
    string Provider,
    string Model,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    string Category,
    DateTimeOffset At);

/// <summary>A user's spend limits in USD; null means no limit.</summary>
/// <param name="DailyUsd">Cap on model spend per UTC day.</param>
/// <param name="PerPlanUsd">Cap on model spend per plan (all time).</param>
[Immutable]
public sealed record SpendLimits(decimal? DailyUsd, decimal? PerPlanUsd)
{
    /// <summary>The largest limit, estimate or charge the ledger accepts, in USD.</summary>
    public const decimal MaxUsd = 100_000m;
}

/// <summary>Spend so far.</summary>
/// <param name="Day">The UTC day of <paramref name="TodayUsd"/>.</param>
/// <param name="TodayUsd">Charged today.</param>
/// <param name="ReservedUsd">Reserved by calls still running.</param>
/// <param name="PlanId">The plan of <paramref name="PlanUsd"/>, if asked.</param>
/// <param name="PlanUsd">Charged to that plan so far.</param>
/// <param name="Limits">The limits.</param>
[Immutable]
public sealed record SpendSummary(DateOnly Day, decimal TodayUsd, decimal ReservedUsd, string? PlanId, decimal PlanUsd, SpendLimits Limits);
