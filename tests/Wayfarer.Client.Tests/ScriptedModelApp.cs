using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wayfarer.Grains.Agents.Models;

namespace Wayfarer.Client.Tests;

/// <summary>The API with a platform model configured whose chat client is a script: each model call takes the next
/// <see cref="Turn"/>. Nothing calls a network model.</summary>
public sealed class ScriptedModelApp : WayfarerApp
{
    /// <summary>The model name configured as the platform's (priced by the built-in table).</summary>
    public const string ModelName = "gpt-4o-mini";

    /// <summary>The turns still to be played, in order.</summary>
    public ConcurrentQueue<Turn> Turns { get; } = new();

    /// <summary>The model choices the agents made, in order (which key and model each run used).</summary>
    public ConcurrentQueue<ModelChoice> Choices { get; } = new();

    /// <summary>How many model calls were made.</summary>
    public int Calls => _calls;

    private int _calls;

    /// <summary>Adds a turn to the script.</summary>
    public ScriptedModelApp Then(Turn turn)
    {
        Turns.Enqueue(turn);
        return this;
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Wayfarer:Models:Platform:ApiKey"] = "sk-scripted-test-key";
        settings["Wayfarer:Models:Platform:Model"] = ModelName;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IChatClientFactory>();
            services.AddSingleton<IChatClientFactory>(new Factory(this));
        });
    }

    /// <summary>One scripted model answer: text (streamed in pieces) and/or one tool call, with the usage it reports;
    /// a held turn waits for <see cref="Release"/> (or the run's cancellation) before answering.</summary>
    public sealed class Turn
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string? Text { get; init; }

        public (string Name, string Arguments)? ToolCall { get; init; }

        public (int Prompt, int Completion) Usage { get; init; } = (1000, 100);

        public bool Hold { get; init; }

        /// <summary>Completes when the model call of this turn begins.</summary>
        public Task Started => _started.Task;

        public void Release() => _released.TrySetResult();

        public static Turn Say(string text) => new() { Text = text, Usage = (1000, 200) };

        public static Turn Call(string tool, string arguments) => new() { ToolCall = (tool, arguments), Usage = (1500, 50) };

        internal void MarkStarted() => _started.TrySetResult();

        internal Task WaitAsync(CancellationToken cancellationToken) => Hold ? _released.Task.WaitAsync(cancellationToken) : Task.CompletedTask;
    }

    private sealed class Factory(ScriptedModelApp app) : IChatClientFactory
    {
        public IChatClient Create(ModelChoice choice)
        {
            app.Choices.Enqueue(choice);
            return new Client(app);
        }
    }

    private sealed class Client(ScriptedModelApp app) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The tool loop streams.");

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
            [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref app._calls);
            if (!app.Turns.TryDequeue(out var turn))
            {
                throw new InvalidOperationException("The script has no more turns.");
            }

            turn.MarkStarted();
            await turn.WaitAsync(cancellationToken);
            if (turn.Text is { } text)
            {
                var size = Math.Max(1, text.Length / 3);
                for (var i = 0; i < text.Length; i += size)
                {
                    yield return new ChatResponseUpdate(ChatRole.Assistant, text.Substring(i, Math.Min(size, text.Length - i))) { ModelId = ModelName };
                }
            }

            var contents = new List<AIContent>();
            if (turn.ToolCall is { } call)
            {
                var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>(call.Arguments) ?? [];
                contents.Add(new FunctionCallContent($"call_{app.Calls}", call.Name, arguments));
            }

            contents.Add(new UsageContent(new UsageDetails { InputTokenCount = turn.Usage.Prompt, OutputTokenCount = turn.Usage.Completion }));
            yield return new ChatResponseUpdate(ChatRole.Assistant, contents) { ModelId = ModelName };
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
