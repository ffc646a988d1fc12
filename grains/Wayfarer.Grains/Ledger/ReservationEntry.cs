
namespace Wayfarer.Grains.Ledger;

/// <summary>One open reservation.</summary>
/// <param name="PlanId">The plan, if any.</param>
/// <param name="Usd">The amount held.</param>
/// <param name="ExpiresAt">When it is dropped if never charged or released.</param>
public sealed record ReservationEntry(string? PlanId, decimal Usd, DateTimeOffset ExpiresAt);
