using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Wayfarer.Grains.Agents.Models;

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
        if (entries.Count > 0 && entries[^1] is { Role: "assistant", ToolCalls: null or { Count: 0 } } answered)
        {
            // Resumed after the model had already answered: that answer was paid for; it is not asked again.
            return new ToolLoopResult(answered.Text, entries, StoppedBySpendCap: false, HitIterationLimit: false);
        }

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
