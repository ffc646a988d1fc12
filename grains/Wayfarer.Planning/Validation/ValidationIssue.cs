namespace Wayfarer.Planning.Validation;

/// <summary>One problem found in a plan.</summary>
/// <param name="Code">Machine-readable code (see <see cref="ValidationCodes"/>).</param>
/// <param name="Severity">How serious.</param>
/// <param name="Day">Index of the day in the itinerary, when it concerns a day.</param>
/// <param name="Item">Index of the item in that day, when it concerns an item.</param>
/// <param name="Message">What is wrong, for people.</param>
public sealed record ValidationIssue(string Code, ValidationSeverity Severity, int? Day, int? Item, string Message);
