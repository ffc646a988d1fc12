using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Plans;

/// <summary>The outcome of a plan call and its value when it succeeded.</summary>
/// <typeparam name="T">The value type.</typeparam>
/// <param name="Outcome">How the call ended.</param>
/// <param name="Value">The value; null unless <paramref name="Outcome"/> is <see cref="PlanOutcome.Ok"/>.</param>
/// <param name="CurrentVersion">The plan's current version when known (for ETags and 412 answers).</param>
[Immutable]
public sealed record PlanResult<T>(PlanOutcome Outcome, T? Value, int? CurrentVersion = null)
    where T : class;
