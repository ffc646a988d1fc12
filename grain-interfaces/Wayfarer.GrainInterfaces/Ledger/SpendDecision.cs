using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Ledger;

/// <summary>The answer to <see cref="IUserLedgerGrain.Reserve"/>.</summary>
/// <param name="Allowed">Whether the call may go ahead.</param>
/// <param name="Reason">Why not (null when allowed), such as <c>daily_cap</c> or <c>plan_cap</c>.</param>
/// <param name="Message">A sentence for the traveller.</param>
/// <param name="Summary">Spend and limits after the decision.</param>
[Immutable]
public sealed record SpendDecision(bool Allowed, string? Reason, string? Message, SpendSummary Summary);
