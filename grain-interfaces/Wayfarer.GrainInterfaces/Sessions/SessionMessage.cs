using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Sessions;

/// <summary>One message of a session's conversation.</summary>
/// <param name="Sequence">Position in the conversation, from 1.</param>
/// <param name="Role">Who wrote it.</param>
/// <param name="Content">The text.</param>
/// <param name="At">When it was added.</param>
[Immutable]
public sealed record SessionMessage(int Sequence, MessageRole Role, string Content, DateTimeOffset At);
