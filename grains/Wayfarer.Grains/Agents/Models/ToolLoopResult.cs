
namespace Wayfarer.Grains.Agents.Models;

/// <summary>How a tool loop ended.</summary>
/// <param name="FinalText">The model's last text.</param>
/// <param name="Transcript">The whole conversation.</param>
/// <param name="StoppedBySpendCap">True when <see cref="IToolLoopHost.BeforeModelCallAsync"/> refused a call.</param>
/// <param name="HitIterationLimit">True when the model still wanted tools after the last allowed turn.</param>
public sealed record ToolLoopResult(string? FinalText, IReadOnlyList<TranscriptEntry> Transcript, bool StoppedBySpendCap, bool HitIterationLimit);
