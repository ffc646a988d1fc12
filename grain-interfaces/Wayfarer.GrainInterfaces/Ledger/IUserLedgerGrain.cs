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
