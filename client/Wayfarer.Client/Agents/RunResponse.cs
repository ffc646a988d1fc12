using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.Grains.Agents;

namespace Wayfarer.Client.Agents;

/// <summary>A finished (or still running) agent run as the API returns it.</summary>
public sealed record RunResponse(
    Guid RunId,
    string SessionId,
    string? PlanId,
    string Status,
    string Kind,
    string Mode,
    string? Provider,
    string? Model,
    string? Reply,
    int? PlanVersion,
    IReadOnlyList<string> Issues,
    int PromptTokens,
    int CompletionTokens,
    decimal CostUsd,
    int Attempt,
    string? Error,
    string? ErrorCode,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    PlanSnapshot? Plan = null)
{
    /// <summary>Maps a run view.</summary>
    public static RunResponse From(RunView run, PlanSnapshot? plan = null) =>
        new(run.RunId, run.SessionId, run.PlanId, run.Status.ToWire(), run.Kind.ToString().ToLowerInvariant(), run.Mode, run.Provider, run.Model, run.Reply,
            run.PlanVersion, run.Issues, run.PromptTokens, run.CompletionTokens, run.CostUsd, run.Attempt, run.Error, run.ErrorCode, run.CreatedAt, run.FinishedAt, plan);
}
