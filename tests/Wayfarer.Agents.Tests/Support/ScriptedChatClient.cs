using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Wayfarer.Grains.Agents.Models;

namespace Wayfarer.Agents.Tests.Support;

/// <summary>One scripted model turn: text (streamed in pieces), tool calls and reported usage; optionally held until
/// <see cref="Release"/> (honouring cancellation), to keep a run busy.</summary>
internal sealed class ScriptedTurn
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string? Text { get; init; }

    public IReadOnlyList<(string Name, string Arguments)> ToolCalls { get; init; } = [];

    public (int Prompt, int Completion)? Usage { get; init; } = (1000, 200);

    public bool Hold { get; init; }

    public Exception? Failure { get; init; }

    /// <summary>Completes when the model call for this turn starts.</summary>
    public Task Started => _started.Task;

    public void Release() => _released.TrySetResult();

    internal void MarkStarted() => _started.TrySetResult();

    internal Task WaitAsync(CancellationToken cancellationToken) => Hold ? _released.Task.WaitAsync(cancellationToken) : Task.CompletedTask;

    public static ScriptedTurn Say(string text, int prompt = 1000, int completion = 200) => new() { Text = text, Usage = (prompt, completion) };

    public static ScriptedTurn Call(string tool, string arguments, int prompt = 1000, int completion = 50) => new() { ToolCalls = [(tool, arguments)], Usage = (prompt, completion) };
}

/// <summary>A fake model for tests: answers each call with the next scripted turn and records what it was sent.
/// Nothing in the tests calls a network model.</summary>
internal sealed class ScriptedChatClient(ScriptedChatFactory factory) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The tool loop streams.");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        factory.Calls.Enqueue([.. messages]);
        factory.Tools = options?.Tools?.Select(t => t.Name).ToList() ?? [];
        if (!factory.Turns.TryDequeue(out var turn))
        {
            throw new InvalidOperationException("The script has no more turns.");
        }

        turn.MarkStarted();
        await turn.WaitAsync(cancellationToken);
        if (turn.Failure is not null)
        {
            throw turn.Failure;
        }

        if (turn.Text is { } text)
        {
            // Streamed in a few pieces, as a server would.
            var size = Math.Max(1, text.Length / 3);
            for (var i = 0; i < text.Length; i += size)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(size, text.Length - i))) { ModelId = "scripted-model" };
            }
        }

        var final = new List<AIContent>();
        var index = 0;
        foreach (var (name, arguments) in turn.ToolCalls)
        {
            var parsed = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments) ?? [];
            final.Add(new FunctionCallContent($"call_{factory.Calls.Count}_{index++}", name, parsed));
        }

        if (turn.Usage is { } usage)
        {
            final.Add(new UsageContent(new UsageDetails { InputTokenCount = usage.Prompt, OutputTokenCount = usage.Completion }));
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, final) { ModelId = "scripted-model" };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

/// <summary>Hands out <see cref="ScriptedChatClient"/>s sharing one script.</summary>
internal sealed class ScriptedChatFactory : IChatClientFactory
{
    public ConcurrentQueue<ScriptedTurn> Turns { get; } = new();

    public ConcurrentQueue<IReadOnlyList<ChatMessage>> Calls { get; } = new();

    public ConcurrentQueue<ModelChoice> Choices { get; } = new();

    public IReadOnlyList<string> Tools { get; set; } = [];

    public ScriptedChatFactory Then(ScriptedTurn turn)
    {
        Turns.Enqueue(turn);
        return this;
    }

    public IChatClient Create(ModelChoice choice)
    {
        Choices.Enqueue(choice);
        return new ScriptedChatClient(this);
    }
}
