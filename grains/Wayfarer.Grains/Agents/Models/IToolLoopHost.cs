
namespace Wayfarer.Grains.Agents.Models;

/// <summary>What the loop needs from its run: spend checks, charging, tools, progress and checkpoints.</summary>
public interface IToolLoopHost
{
    /// <summary>Called before each model call with an estimate of its prompt tokens; false stops the loop (a spend cap).</summary>
    Task<bool> BeforeModelCallAsync(int iteration, int estimatedPromptTokens, CancellationToken cancellationToken);

    /// <summary>Called after each model call with its usage (charged by the host).</summary>
    Task AfterModelCallAsync(ModelUsage usage, string? modelId, CancellationToken cancellationToken);

    /// <summary>A text delta as it streams.</summary>
    Task OnPartialTextAsync(string delta);

    /// <summary>Runs a tool; returns its result as JSON (errors as <c>{"error": "..."}</c>, which the model sees).</summary>
    Task<string> InvokeToolAsync(string callId, string name, string arguments, CancellationToken cancellationToken);

    /// <summary>Persists the transcript so far (after each completed turn).</summary>
    Task CheckpointAsync(IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken);
}
