namespace Wayfarer.Planning.Validation;

/// <summary>What happens to a proposed plan.</summary>
public enum PlanDecision
{
    /// <summary>Valid as proposed.</summary>
    Accepted,

    /// <summary>Valid after repair.</summary>
    Repaired,

    /// <summary>Invalid even after repair.</summary>
    Rejected,
}
