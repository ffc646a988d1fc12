
namespace Wayfarer.Grains.Agents.Models;

/// <summary>Token counts of one model call.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="Estimated">True when the server reported no usage and the counts were estimated from text length.</param>
public sealed record ModelUsage(int PromptTokens, int CompletionTokens, bool Estimated);
