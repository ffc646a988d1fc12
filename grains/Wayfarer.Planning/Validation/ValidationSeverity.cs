namespace Wayfarer.Planning.Validation;

/// <summary>How serious a validation issue is.</summary>
public enum ValidationSeverity
{
    /// <summary>For information.</summary>
    Info,

    /// <summary>Worth a look; the plan is still valid.</summary>
    Warning,

    /// <summary>The plan is not valid.</summary>
    Error,
}
