using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The differences between two versions of a plan.</summary>
/// <param name="From">The earlier version.</param>
/// <param name="To">The later version.</param>
/// <param name="Changes">The differences, in document order.</param>
[Immutable]
public sealed record PlanDiff(int From, int To, IReadOnlyList<PlanChange> Changes);
