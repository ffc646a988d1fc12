using System.ClientModel;
using System.ClientModel.Primitives;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatRole = Microsoft.Extensions.AI.ChatRole;
using OaChatMessage = OpenAI.Chat.ChatMessage;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>An <see cref="IChatClient"/> over the OpenAI SDK's chat completions, for any OpenAI-compatible endpoint
/// (OpenAI, Azure OpenAI's v1 endpoint, vLLM, Ollama, llama.cpp). Maps messages, function tools, tool calls, tool
/// results and token usage both ways; streaming yields text deltas and assembles tool calls from their fragments.</summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client.</summary>
    /// <param name="endpoint">The API base address (ending in <c>/v1</c> for most servers); null for OpenAI's.</param>
    /// <param name="apiKey">The key (any non-empty text for servers that do not check it).</param>
    /// <param name="model">The model name.</param>
    /// <param name="timeout">Network timeout per request.</param>
    /// <param name="httpClient">The HTTP client to send through (tests); null for the SDK's own.</param>
    public OpenAIChatClient(Uri? endpoint, string apiKey, string model, TimeSpan timeout, HttpClient? httpClient = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(model);
        var options = new OpenAIClientOptions { NetworkTimeout = timeout, RetryPolicy = new ClientRetryPolicy(maxRetries: 1) };
        if (endpoint is not null)
        {
            options.Endpoint = endpoint;
        }

        if (httpClient is not null)
        {
            options.Transport = new HttpClientPipelineTransport(httpClient);
        }

        _client = new ChatClient(model, new ApiKeyCredential(apiKey), options);
        _metadata = new ChatClientMetadata("openai-compatible", endpoint, model);
    }

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (openAiMessages, completionOptions) = Translate(messages, options);
        ChatCompletion completion = await _client.CompleteChatAsync(openAiMessages, completionOptions, cancellationToken).ConfigureAwait(false);
        var contents = new List<AIContent>();
        var text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
        if (text.Length > 0)
        {
            contents.Add(new TextContent(text));
        }

        foreach (var call in completion.ToolCalls)
        {
            contents.Add(new FunctionCallContent(call.Id, call.FunctionName, ParseArguments(call.FunctionArguments.ToString())));
        }

        return new ChatResponse(new AiChatMessage(AiChatRole.Assistant, contents))
        {
            ModelId = completion.Model,
            FinishReason = MapFinish(completion.FinishReason),
            Usage = completion.Usage is { } usage ? new UsageDetails { InputTokenCount = usage.InputTokenCount, OutputTokenCount = usage.OutputTokenCount, TotalTokenCount = usage.TotalTokenCount } : null,
        };
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (openAiMessages, completionOptions) = Translate(messages, options);
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        string? model = null;
        Microsoft.Extensions.AI.ChatFinishReason? finish = null;
        UsageDetails? usage = null;
        await foreach (var update in _client.CompleteChatStreamingAsync(openAiMessages, completionOptions, cancellationToken).ConfigureAwait(false))
        {
            model ??= update.Model;
            foreach (var part in update.ContentUpdate)
            {
                if (part.Kind == ChatMessageContentPartKind.Text && !string.IsNullOrEmpty(part.Text))
                {
                    yield return new ChatResponseUpdate(AiChatRole.Assistant, part.Text) { ModelId = update.Model };
                }
            }

            foreach (var toolUpdate in update.ToolCallUpdates)
            {
                if (!calls.TryGetValue(toolUpdate.Index, out var call))
                {
                    call = (null, null, new StringBuilder());
                }

                call.Id ??= toolUpdate.ToolCallId;
                call.Name ??= toolUpdate.FunctionName;
                if (toolUpdate.FunctionArgumentsUpdate is { } fragment && !fragment.ToMemory().IsEmpty)
                {
                    call.Arguments.Append(fragment.ToString());
                }

                calls[toolUpdate.Index] = call;
            }

            if (update.FinishReason is { } reason)
            {
                finish = MapFinish(reason);
            }

            if (update.Usage is { } u)
            {
                usage = new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount };
            }
        }

        var final = new List<AIContent>();
        foreach (var (index, call) in calls)
        {
            final.Add(new FunctionCallContent(call.Id ?? $"call_{index}", call.Name ?? string.Empty, ParseArguments(call.Arguments.ToString())));
        }

        if (usage is not null)
        {
            final.Add(new UsageContent(usage));
        }

        yield return new ChatResponseUpdate(AiChatRole.Assistant, final) { ModelId = model, FinishReason = finish };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static (List<OaChatMessage> Messages, ChatCompletionOptions Options) Translate(IEnumerable<AiChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var result = new List<OaChatMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            result.Add(new SystemChatMessage(options.Instructions));
        }

        foreach (var message in messages)
        {
            if (message.Role == AiChatRole.System)
            {
                result.Add(new SystemChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.User)
            {
                result.Add(new UserChatMessage(message.Text));
            }
            else if (message.Role == AiChatRole.Assistant)
            {
                var toolCalls = message.Contents.OfType<FunctionCallContent>()
                    .Select(c => ChatToolCall.CreateFunctionToolCall(c.CallId, c.Name, BinaryData.FromString(JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>(), AgentJson.Options))))
                    .ToList();
                if (toolCalls.Count > 0)
                {
                    var assistant = new AssistantChatMessage(toolCalls);
                    if (!string.IsNullOrEmpty(message.Text))
                    {
                        assistant.Content.Add(ChatMessageContentPart.CreateTextPart(message.Text));
                    }

                    result.Add(assistant);
                }
                else
                {
                    result.Add(new AssistantChatMessage(message.Text));
                }
            }
            else if (message.Role == AiChatRole.Tool)
            {
                foreach (var toolResult in message.Contents.OfType<FunctionResultContent>())
                {
                    var content = toolResult.Result switch
                    {
                        null => "null",
                        string s => s,
                        JsonElement e => e.GetRawText(),
                        var other => JsonSerializer.Serialize(other, AgentJson.Options),
                    };
                    result.Add(new ToolChatMessage(toolResult.CallId, content));
                }
            }
        }

        var completionOptions = new ChatCompletionOptions();
        if (options is not null)
        {
            completionOptions.MaxOutputTokenCount = options.MaxOutputTokens;
            completionOptions.Temperature = options.Temperature;
            completionOptions.TopP = options.TopP;
            foreach (var tool in options.Tools ?? [])
            {
                if (tool is AIFunctionDeclaration function)
                {
                    completionOptions.Tools.Add(ChatTool.CreateFunctionTool(function.Name, function.Description, BinaryData.FromString(function.JsonSchema.GetRawText())));
                }
            }

            if (options.ResponseFormat is ChatResponseFormatJson)
            {
                completionOptions.ResponseFormat = OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
            }
        }

        return (result, completionOptions);
    }

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new Dictionary<string, object?> { ["_raw"] = json };
            }

            return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            // A model that emits broken JSON gets its text back as an error from the tool loop.
            return new Dictionary<string, object?> { ["_raw"] = json };
        }
    }

    private static Microsoft.Extensions.AI.ChatFinishReason? MapFinish(OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        OpenAI.Chat.ChatFinishReason.Stop => Microsoft.Extensions.AI.ChatFinishReason.Stop,
        OpenAI.Chat.ChatFinishReason.Length => Microsoft.Extensions.AI.ChatFinishReason.Length,
        OpenAI.Chat.ChatFinishReason.ToolCalls or OpenAI.Chat.ChatFinishReason.FunctionCall => Microsoft.Extensions.AI.ChatFinishReason.ToolCalls,
        OpenAI.Chat.ChatFinishReason.ContentFilter => Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        _ => null,
    };
}
