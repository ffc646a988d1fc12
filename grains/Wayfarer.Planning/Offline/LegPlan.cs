namespace Wayfarer.Planning.Offline;

/// <summary>A journey the trip needs, before it is estimated.</summary>
/// <param name="From">Leaving from.</param>
/// <param name="To">Going to.</param>
/// <param name="Date">Date of departure.</param>
/// <param name="Kind">Outbound, onward or return.</param>
public sealed record LegPlan(ResolvedCity From, ResolvedCity To, DateOnly Date, LegKind Kind);
