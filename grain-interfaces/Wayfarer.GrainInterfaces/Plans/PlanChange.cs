using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>One difference between two versions of a plan.</summary>
/// <param name="Path">Where, as a JSON path such as <c>itinerary.days[0].items[1].title</c>.</param>
/// <param name="Kind">How it differs.</param>
/// <param name="From">The earlier value as JSON; null when added.</param>
/// <param name="To">The later value as JSON; null when removed.</param>
[Immutable]
public sealed record PlanChange(string Path, ChangeKind Kind, string? From, string? To);
