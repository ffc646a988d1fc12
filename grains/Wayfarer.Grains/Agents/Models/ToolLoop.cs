using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>One entry of a model conversation, in a form that can be checkpointed in grain state.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Text">The text, if any.</param>
/// <param name="ToolCalls">The assistant's tool calls, if any.</param>
/// <param name="ToolCallId">For a tool result: the call it answers.</param>
public sealed record TranscriptEntry(string Role, string? Text, IReadOnlyList<TranscriptToolCall>? ToolCalls = null, string? ToolCallId = null);

/// <summary>A tool call in a transcript.</summary>
/// <param name="Id">The call id.</param>
/// <param name="Name">The tool.</param>
/// <param name="Arguments">The arguments as JSON.</param>
public sealed record TranscriptToolCall(string Id, string Name, string Arguments);

/// <summary>A tool the model may call.</summary>
/// <param name="Name">The name.</param>
/// <param name="Description">What it does, for the model.</param>
/// <param name="ParametersSchema">The JSON schema of its arguments.</param>
public sealed record ToolDefinition(string Name, string Description, string ParametersSchema);

/// <summary>Token counts of one model call.</summary>
/// <param name="PromptTokens">Input tokens.</param>
/// <param name="CompletionTokens">Output tokens.</param>
/// <param name="Estimated">True when the server reported no usage and the counts were estimated from text length.</param>
public sealed record ModelUsage(int PromptTokens, int CompletionTokens, bool Estimated);

/// <summary>What the loop needs from its run: spend checks, charging, tools, progress and checkpoints.</summary>
public interface IToolLoopHost
{
    /// <summary>Called before each model call with an estimate of its prompt tokens; false stops the loop (a spend cap).</summary>
    Task<bool> BeforeModelCallAsync(int iteration, int estimatedPromptTokens, CancellationToken cancellationToken);

    /// <summary>Called after each model call with its usage (charged by the host).</summary>
    Task AfterModelCallAsync(ModelUsage usage, string? modelId, CancellationToken cancellationToken);

    /// <summary>A text delta as it streams.</summary>
    Task OnPartialTextAsync(string delta);

    /// <summary>Runs a tool; returns its result as JSON (errors as <c>{"error": "..."}</c>, which the model sees).</summary>
    Task<string> InvokeToolAsync(string callId, string name, string arguments, CancellationToken cancellationToken);

    /// <summary>Persists the transcript so far (after each completed turn).</summary>
    Task CheckpointAsync(IReadOnlyList<TranscriptEntry> transcript, CancellationToken cancellationToken);
}

/// <summary>How a tool loop ended.</summary>
/// <param name="FinalText">The model's last text.</param>
/// <param name="Transcript">The whole conversation.</param>
/// <param name="StoppedBySpendCap">True when <see cref="IToolLoopHost.BeforeModelCallAsync"/> refused a call.</param>
/// <param name="HitIterationLimit">True when the model still wanted tools after the last allowed turn.</param>
public sealed record ToolLoopResult(string? FinalText, IReadOnlyList<TranscriptEntry> Transcript, bool StoppedBySpendCap, bool HitIterationLimit);

/// <summary>Our own tool-calling loop over any <see cref="IChatClient"/>: call the model with the tools, run the tool calls it
/// asks for, feed the results back, until it answers without tools or the turn limit is reached. Each completed turn is
/// checkpointed, so a run resumed elsewhere continues from the last completed turn without paying for it again.</summary>
public static class ToolLoop
{
    /// <summary>Runs the loop from <paramref name="transcript"/> (which may already hold completed turns).</summary>
    public static async Task<ToolLoopResult> RunAsync(
        IChatClient client,
        IReadOnlyList<TranscriptEntry> transcript,
        IReadOnlyList<ToolDefinition> tools,
        int maxIterations,
        int maxOutputTokens,
        IToolLoopHost host,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(host);
        var entries = new List<TranscriptEntry>(transcript);
        var options = new ChatOptions
        {
            MaxOutputTokens = maxOutputTokens,
            Temperature = 0.2f,
            Tools = [.. tools.Select(t => AIFunctionFactory.CreateDeclaration(t.Name, t.Description, JsonDocument.Parse(t.ParametersSchema).RootElement.Clone()))],
        };
        string? lastText = entries.LastOrDefault(e => e.Role == "assistant")?.Text;
        var iteration = entries.Count(e => e.Role == "assistant");
        while (iteration < maxIterations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var messages = ToChatMessages(entries);
            var promptEstimate = EstimateTokens(entries) + EstimateTokens(tools);
            if (!await host.BeforeModelCallAsync(iteration, promptEstimate, cancellationToken))
            {
                return new ToolLoopResult(lastText, entries, StoppedBySpendCap: true, HitIterationLimit: false);
            }

            var text = new StringBuilder();
            var calls = new List<FunctionCallContent>();
            UsageDetails? usage = null;
            string? modelId = null;
            await foreach (var update in client.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                modelId ??= update.ModelId;
                foreach (var content in update.Contents)
                {
                    switch (content)
                    {
                        case TextContent { Text: { Length: > 0 } delta }:
                            text.Append(delta);
                            await host.OnPartialTextAsync(delta);
                            break;
                        case FunctionCallContent call:
                            calls.Add(call);
                            break;
                        case UsageContent u:
                            usage = u.Details;
                            break;
                    }
                }
            }

            iteration++;
            var reported = usage is { InputTokenCount: not null, OutputTokenCount: not null };
            await host.AfterModelCallAsync(
                reported
                    ? new ModelUsage((int)usage!.InputTokenCount!.Value, (int)usage.OutputTokenCount!.Value, Estimated: false)
                    : new ModelUsage(promptEstimate, EstimateTokens(text.ToString()) + calls.Sum(c => EstimateTokens(Arguments(c))), Estimated: true),
                modelId,
                cancellationToken);
            lastText = text.Length > 0 ? text.ToString() : lastText;
            var toolCalls = calls.Select((c, i) => new TranscriptToolCall(string.IsNullOrEmpty(c.CallId) ? $"call_{iteration}_{i}" : c.CallId, c.Name, Arguments(c))).ToList();
            entries.Add(new TranscriptEntry("assistant", text.Length > 0 ? text.ToString() : null, toolCalls.Count > 0 ? toolCalls : null));
            if (toolCalls.Count == 0)
            {
                await host.CheckpointAsync(entries, cancellationToken);
                return new ToolLoopResult(lastText, entries, StoppedBySpendCap: false, HitIterationLimit: false);
            }

            foreach (var call in toolCalls)
            {
                var result = await host.InvokeToolAsync(call.Id, call.Name, call.Arguments, cancellationToken);
                entries.Add(new TranscriptEntry("tool", result, ToolCallId: call.Id));
            }

            await host.CheckpointAsync(entries, cancellationToken);
        }

        return new ToolLoopResult(lastText, entries, StoppedBySpendCap: false, HitIterationLimit: true);
    }

    /// <summary>A rough token count (four characters a token), used for reservations and when a server reports no usage.</summary>
    public static int EstimateTokens(string? text) => text is null ? 0 : (text.Length + 3) / 4;

    private static int EstimateTokens(IEnumerable<TranscriptEntry> entries) =>
        entries.Sum(e => 4 + EstimateTokens(e.Text) + (e.ToolCalls?.Sum(c => EstimateTokens(c.Name) + EstimateTokens(c.Arguments)) ?? 0));

    private static int EstimateTokens(IEnumerable<ToolDefinition> tools) => tools.Sum(t => EstimateTokens(t.Name) + EstimateTokens(t.Description) + EstimateTokens(t.ParametersSchema));

    private static string Arguments(FunctionCallContent call) =>
        call.Arguments is { } arguments && arguments.TryGetValue("_raw", out var raw) && arguments.Count == 1 && raw is string text
            ? text
            : JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), AgentJson.Options);

    private static List<ChatMessage> ToChatMessages(IEnumerable<TranscriptEntry> entries)
    {
        var messages = new List<ChatMessage>();
        foreach (var entry in entries)
        {
            switch (entry.Role)
            {
                case "system":
                    messages.Add(new ChatMessage(ChatRole.System, entry.Text));
                    break;
                case "user":
                    messages.Add(new ChatMessage(ChatRole.User, entry.Text));
                    break;
                case "assistant":
                    var contents = new List<AIContent>();
                    if (entry.Text is not null)
                    {
                        contents.Add(new TextContent(entry.Text));
                    }

                    foreach (var call in entry.ToolCalls ?? [])
                    {
                        contents.Add(new FunctionCallContent(call.Id, call.Name, ParseArguments(call.Arguments)));
                    }

                    messages.Add(new ChatMessage(ChatRole.Assistant, contents));
                    break;
                case "tool":
                    messages.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(entry.ToolCallId ?? string.Empty, entry.Text)]));
                    break;
            }
        }

        return messages;
    }

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : new Dictionary<string, object?> { ["_raw"] = json };
        }
        catch (JsonException)
        {
            return new Dictionary<string, object?> { ["_raw"] = json };
        }
    }
}
