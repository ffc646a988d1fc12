using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>A plan as the caller sees it (<see cref="Plan"/>), or the answer that refuses it (<see cref="Refusal"/>).</summary>
internal readonly record struct PlanAccess(PlanSnapshot? Plan, IResult? Refusal);
