using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>A plan's total budget.</summary>
/// <param name="Total">The total; never negative.</param>
/// <param name="Currency">ISO 4217 code, upper case.</param>
[Immutable]
public sealed record PlanBudget(decimal Total, string Currency);
