
namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>One run and its checkpoint.</summary>
public sealed class RunState
{
    public Guid Id { get; set; }

    public RunRequest Request { get; set; } = null!;

    public RunStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>How many times the run has been started (1 on the first try).</summary>
    public int Attempt { get; set; }

    /// <summary>The next step to run (index into <see cref="RunPipeline.Steps"/>).</summary>
    public int Step { get; set; }

    /// <summary><c>offline</c> or <c>model</c>.</summary>
    public string Mode { get; set; } = "offline";

    public string? Provider { get; set; }

    public string? Model { get; set; }

    public string? Error { get; set; }

    public string? ErrorCode { get; set; }

    public string? Silo { get; set; }

    /// <summary>When the current step started (its task row's time).</summary>
    public DateTimeOffset? StepStartedAt { get; set; }

    public int PromptTokens { get; set; }

    public int CompletionTokens { get; set; }

    public decimal CostUsd { get; set; }

    public RunCheckpoint Checkpoint { get; set; } = new();

    public List<RunEvent> Events { get; set; } = [];
}
