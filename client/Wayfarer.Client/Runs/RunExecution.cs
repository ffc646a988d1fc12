namespace Wayfarer.Client.Runs;

/// <summary>One agent execution.</summary>
public sealed record RunExecution(Guid Id, string AgentType, string AgentVersion, string Provider, string? Model, string Task, string? Result,
    int PromptTokens, int CompletionTokens, decimal CostUsd, double DurationMs, string Status, string? Error, DateTimeOffset StartedAt);
