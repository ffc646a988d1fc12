using Wayfarer.Runtime;

namespace Wayfarer.Grains.Agents;

/// <summary>The answer to a submission.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="RunId">The new run (empty when rejected or not found).</param>
/// <param name="ActiveRunId">The run that was going, if any.</param>
/// <param name="Message">Why, when rejected.</param>
[Immutable]
public sealed record SubmitResult(SubmitOutcome Outcome, Guid RunId, Guid? ActiveRunId, string? Message);
