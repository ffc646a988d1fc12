using Wayfarer.Agents.Tests.Support;
using Wayfarer.Grains.Agents.Models;

namespace Wayfarer.Agents.Tests.Unit;

[Trait("Category", "Unit")]
public sealed class ToolLoopTests
{
    private static readonly ToolDefinition[] Tools = [new("echo", "Echo", """{"type":"object","properties":{}}""")];

    [Fact]
    public async Task TheLoopRunsToolsFeedsResultsBackAndStopsAtTheFirstAnswerWithoutTools()
    {
        var chat = new ScriptedChatFactory().Then(ScriptedTurn.Call("echo", """{"x":1}""")).Then(ScriptedTurn.Call("echo", """{"x":2}""")).Then(ScriptedTurn.Say("done"));
        var host = new Host();

        var result = await ToolLoop.RunAsync(chat.Create(null!), [new TranscriptEntry("user", "go")], Tools, 5, 100, host, CancellationToken.None);

        Assert.Equal("done", result.FinalText);
        Assert.False(result.HitIterationLimit || result.StoppedBySpendCap);
        Assert.Equal(["""{"x":1}""", """{"x":2}"""], host.Invoked);
        Assert.Equal(3, host.Charged.Count);
        Assert.Equal(3, host.Checkpoints);
        Assert.Equal(["user", "assistant", "tool", "assistant", "tool", "assistant"], result.Transcript.Select(e => e.Role));
    }

    [Fact]
    public async Task TheLoopStopsAtTheIterationLimitAndWhenTheHostRefusesACall()
    {
        var chat = new ScriptedChatFactory().Then(ScriptedTurn.Call("echo", "{}")).Then(ScriptedTurn.Call("echo", "{}")).Then(ScriptedTurn.Call("echo", "{}"));
        var limited = await ToolLoop.RunAsync(chat.Create(null!), [new TranscriptEntry("user", "go")], Tools, 2, 100, new Host(), CancellationToken.None);
        Assert.True(limited.HitIterationLimit);

        var refused = await ToolLoop.RunAsync(chat.Create(null!), [new TranscriptEntry("user", "go")], Tools, 5, 100, new Host { Allow = 0 }, CancellationToken.None);
        Assert.True(refused.StoppedBySpendCap);
    }

    [Fact]
    public async Task AResumedLoopContinuesFromItsCheckpointedTurns()
    {
        var chat = new ScriptedChatFactory().Then(ScriptedTurn.Say("after resume"));
        TranscriptEntry[] checkpointed =
        [
            new("user", "go"),
            new("assistant", null, [new TranscriptToolCall("c1", "echo", "{}")]),
            new("tool", "{}", ToolCallId: "c1"),
        ];

        var result = await ToolLoop.RunAsync(chat.Create(null!), checkpointed, Tools, 2, 100, new Host(), CancellationToken.None);

        Assert.Equal("after resume", result.FinalText);
        Assert.Single(chat.Calls);
        Assert.Equal(3, chat.Calls.Single().Count);
    }

    private sealed class Host : IToolLoopHost
    {
        public int Allow { get; init; } = int.MaxValue;

        public List<string> Invoked { get; } = [];

        public List<ModelUsage> Charged { get; } = [];

        public int Checkpoints { get; private set; }

        public Task<bool> BeforeModelCallAsync(int iteration, int estimatedPromptTokens, CancellationToken cancellationToken) => Task.FromResult(iteration < Allow);

        public Task AfterModelCallAsync(ModelUsage usage, string? modelId, CancellationToken cancellationToken)
        {
            Charged.Add(usage);
            return Task.CompletedTask;
        }

        public Task OnPartialTextAsync(string delta) => Task.CompletedTask;

        public Task<string> InvokeToolAsync(string callId, string name, string arguments, CancellationToken cancellationToken)
        {
            Invoked.Add(arguments);
            return Task.FromResult(arguments);
        }

        public Task CheckpointAsync(IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken)
        {
            Checkpoints++;
            return Task.CompletedTask;
        }
    }
}
