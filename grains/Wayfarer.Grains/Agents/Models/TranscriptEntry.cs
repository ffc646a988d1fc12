
namespace Wayfarer.Grains.Agents.Models;

/// <summary>One entry of a model conversation, in a form that can be checkpointed in grain state.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Text">The text, if any.</param>
/// <param name="ToolCalls">The assistant's tool calls, if any.</param>
/// <param name="ToolCallId">For a tool result: the call it answers.</param>
public sealed record TranscriptEntry(string Role, string? Text, IReadOnlyList<TranscriptToolCall>? ToolCalls = null, string? ToolCallId = null);
