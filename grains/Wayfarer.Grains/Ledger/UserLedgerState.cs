using Wayfarer.GrainInterfaces.Ledger;

namespace Wayfarer.Grains.Ledger;

/// <summary>The persisted state of a <see cref="UserLedgerGrain"/> (grain type <c>ledger</c>, state <c>ledger</c>).</summary>
public sealed class UserLedgerState
{
    /// <summary>Whether the user chose limits; until then the configured defaults apply.</summary>
    public bool LimitsSet { get; set; }

    /// <summary>The user's daily cap (when <see cref="LimitsSet"/>); null for none.</summary>
    public decimal? DailyUsd { get; set; }

    /// <summary>The user's per-plan cap (when <see cref="LimitsSet"/>); null for none.</summary>
    public decimal? PerPlanUsd { get; set; }

    /// <summary>The UTC day of <see cref="TodayUsd"/>.</summary>
    public DateOnly Day { get; set; }

    /// <summary>Charged on <see cref="Day"/>.</summary>
    public decimal TodayUsd { get; set; }

    /// <summary>Charged per plan, all time.</summary>
    public Dictionary<string, decimal> PlanUsd { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open reservations by id.</summary>
    public Dictionary<Guid, ReservationEntry> Reservations { get; set; } = [];

    /// <summary>Charges persisted here and maybe not yet in <c>cost_tracking</c> (a flushed charge stays until the next
    /// write of this state; writing it again is harmless).</summary>
    public List<CostCharge> Outbox { get; set; } = [];

    /// <summary>The most recent charge ids, oldest first, to refuse a repeated charge.</summary>
    public List<Guid> RecentCharges { get; set; } = [];
}
