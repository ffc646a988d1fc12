using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>A request to reserve money before a model call.</summary>
/// <param name="ReservationId">Unique id; the matching <see cref="CostCharge.ReservationId"/> releases it.</param>
/// <param name="PlanId">The plan the call works for, if any (per-plan cap).</param>
/// <param name="EstimatedUsd">Worst-case cost of the call in USD.</param>
/// <param name="Purpose">What for (agent and step), for the error message and logs.</param>
[Immutable]
public sealed record SpendReservation(Guid ReservationId, string? PlanId, decimal EstimatedUsd, string Purpose);
