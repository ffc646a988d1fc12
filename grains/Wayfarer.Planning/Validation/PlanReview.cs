using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Planning.Validation;

/// <summary>The verdict on a proposed plan (from a model or a person).</summary>
/// <param name="Decision">Accepted, repaired or rejected.</param>
/// <param name="Plan">The plan to keep: the original when accepted, the repaired one otherwise.</param>
/// <param name="Changes">What repair changed.</param>
/// <param name="Report">The report of <paramref name="Plan"/>; for a rejection, the remaining reasons.</param>
public sealed record PlanReview(PlanDecision Decision, PlanContent Plan, IReadOnlyList<string> Changes, ValidationReport Report)
{
    /// <summary>Validates a plan; when invalid, repairs it; rejects it when errors remain.</summary>
    public static PlanReview Review(PlanContent content, ValidationOptions? options = null)
    {
        var report = PlanValidator.Validate(content, options);
        if (report.IsValid)
        {
            return new PlanReview(PlanDecision.Accepted, content, [], report);
        }

        var repair = PlanRepairer.Repair(content, options);
        return new PlanReview(repair.Remaining.IsValid ? PlanDecision.Repaired : PlanDecision.Rejected, repair.Repaired, repair.Changes, repair.Remaining);
    }
}
