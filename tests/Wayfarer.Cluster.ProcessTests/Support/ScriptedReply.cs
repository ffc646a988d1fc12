namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>What <see cref="ScriptedOpenAiServer"/> answers to one chat-completions request.</summary>
public abstract record ScriptedReply
{
    private ScriptedReply()
    {
    }

    /// <summary>Starts the stream (headers and a role-only chunk), then holds it open until
    /// <see cref="ScriptedOpenAiServer.Release"/> (then ends it with <paramref name="AfterRelease"/>'s text) or until the caller's
    /// connection drops.</summary>
    /// <param name="AfterRelease">The text sent once released.</param>
    public sealed record Block(string AfterRelease = "Released.") : ScriptedReply;

    /// <summary>One function tool call, its arguments streamed in two fragments, finish reason <c>tool_calls</c>.</summary>
    /// <param name="Name">The tool.</param>
    /// <param name="Arguments">The arguments as JSON.</param>
    public sealed record ToolCall(string Name, string Arguments) : ScriptedReply;

    /// <summary>A plain answer streamed word by word, finish reason <c>stop</c>.</summary>
    /// <param name="Content">The text.</param>
    public sealed record Text(string Content) : ScriptedReply;
}
