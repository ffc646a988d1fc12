namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>One request <see cref="ScriptedOpenAiServer"/> received and how it ended.</summary>
/// <param name="number">Its position, from 1.</param>
/// <param name="body">The JSON body as sent.</param>
/// <param name="reply">The script entry it is answered with, or null when the script had run out.</param>
public sealed class ReceivedChatRequest(int number, string body, ScriptedReply? reply)
{
    private volatile string _outcome = "in progress";

    /// <summary>Its position, from 1.</summary>
    public int Number { get; } = number;

    /// <summary>The JSON body as sent.</summary>
    public string Body { get; } = body;

    /// <summary>The script entry it is answered with, or null when the script had run out.</summary>
    public ScriptedReply? Reply { get; } = reply;

    /// <summary><c>in progress</c>, <c>answered</c>, <c>released</c>, <c>aborted</c> (the caller's connection dropped) or
    /// <c>out of script</c>.</summary>
    public string Outcome
    {
        get => _outcome;
        internal set => _outcome = value;
    }
}
