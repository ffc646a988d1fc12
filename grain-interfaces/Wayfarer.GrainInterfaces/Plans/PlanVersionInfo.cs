using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>One entry of a plan's history.</summary>
/// <param name="Version">The version number.</param>
/// <param name="AuthorId">Who made it.</param>
/// <param name="At">When.</param>
/// <param name="Change">What kind of change: <c>created</c>, <c>updated</c>, <c>restored from N</c>, <c>branched from ID@N</c>.</param>
[Immutable]
public sealed record PlanVersionInfo(int Version, string AuthorId, DateTimeOffset At, string Change);
