namespace Wayfarer.Client.Runs;

/// <summary>One step of a run.</summary>
public sealed record RunTask(Guid Id, int Sequence, string Name, string Agent, string Status, string? Input, string? Output, string? Error,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
