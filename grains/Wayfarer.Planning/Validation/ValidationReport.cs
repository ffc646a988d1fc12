using System.Text.Json.Serialization;

namespace Wayfarer.Planning.Validation;

/// <summary>The result of validating a plan.</summary>
/// <param name="Issues">Everything found, errors first in the order found.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues)
{
    /// <summary>True when no issue is an error.</summary>
    [JsonIgnore]
    public bool IsValid => Issues.All(i => i.Severity != ValidationSeverity.Error);

    /// <summary>The errors.</summary>
    [JsonIgnore]
    public IEnumerable<ValidationIssue> Errors => Issues.Where(i => i.Severity == ValidationSeverity.Error);

    /// <summary>One line per error, for logs and test failures.</summary>
    public override string ToString() => string.Join(Environment.NewLine, Issues.Select(i => $"{i.Severity} {i.Code} day={i.Day} item={i.Item}: {i.Message}"));
}
