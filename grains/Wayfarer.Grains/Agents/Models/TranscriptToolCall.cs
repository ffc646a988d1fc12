
namespace Wayfarer.Grains.Agents.Models;

/// <summary>A tool call in a transcript.</summary>
/// <param name="Id">The call id.</param>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">The arguments as JSON.</param>
public sealed record TranscriptToolCall(string Id, string Name, string Arguments);
