using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Validation;

/// <summary>A plan after repair.</summary>
/// <param name="Repaired">The repaired plan.</param>
/// <param name="Changes">What was changed, and what was dropped with the reason.</param>
/// <param name="Remaining">The validation report of the repaired plan.</param>
public sealed record RepairResult(PlanContent Repaired, IReadOnlyList<string> Changes, ValidationReport Remaining);
