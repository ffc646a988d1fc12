namespace Wayfarer.Client.Agents;

/// <summary>The body of <c>POST /api/plans/{id}/generate</c>: every field is optional and overrides the plan's own.</summary>
public sealed record GenerateRequest(
    string? Mode = null,
    string? Policy = null,
    IReadOnlyList<string>? Destinations = null,
    string? Origin = null,
    DateOnly? StartDate = null,
    DateOnly? EndDate = null,
    int? Travelers = null,
    decimal? Budget = null,
    decimal? DailyBudget = null,
    string? Currency = null,
    IReadOnlyList<string>? Interests = null,
    string? Pace = null,
    string? BudgetLevel = null);
