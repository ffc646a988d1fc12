using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Wayfarer.Grains.Agents.Models;

namespace Wayfarer.Agents.Tests.Unit;

/// <summary>The OpenAI-compatible adapter against a scripted HTTP server (no network model).</summary>
[Trait("Category", "Unit")]
public sealed class OpenAIChatClientTests
{
    [Fact]
    public async Task StreamingAssemblesToolCallFragmentsTextAndUsageAndSendsToolsAndResults()
    {
        var handler = new ScriptedHandler(
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Let me "}}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"check."}}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"search_places","arguments":"{\"city\":"}}]}}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"Rome\"}"}}]}}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}""",
            """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":321,"completion_tokens":12,"total_tokens":333}}""");
        using var client = new OpenAIChatClient(new Uri("http://127.0.0.1:9/v1"), "key", "m", TimeSpan.FromSeconds(10), new HttpClient(handler));
        var options = new ChatOptions { Tools = [AIFunctionFactory.CreateDeclaration("search_places", "Find places", JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement)] };
        List<ChatMessage> messages =
        [
            new(ChatRole.System, "be brief"),
            new(ChatRole.User, "Rome?"),
            new(ChatRole.Assistant, [new FunctionCallContent("call_0", "resolve_city", new Dictionary<string, object?> { ["query"] = "Rome" })]),
            new(ChatRole.Tool, [new FunctionResultContent("call_0", """{"found":true}""")]),
        ];

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(messages, options))
        {
            updates.Add(update);
        }

        Assert.Equal("Let me check.", string.Concat(updates.SelectMany(u => u.Contents).OfType<TextContent>().Select(t => t.Text)));
        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_1", "search_places"), (call.CallId, call.Name));
        Assert.Equal("Rome", ((JsonElement)call.Arguments!["city"]!).GetString());
        var usage = Assert.Single(updates.SelectMany(u => u.Contents).OfType<UsageContent>()).Details;
        Assert.Equal((321L, 12L), (usage.InputTokenCount, usage.OutputTokenCount));

        using var sent = JsonDocument.Parse(handler.Bodies.Single());
        var root = sent.RootElement;
        Assert.Equal("m", root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("stream").GetBoolean());
        Assert.Equal("search_places", root.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
        var roles = root.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
        Assert.Equal(["system", "user", "assistant", "tool"], roles);
        Assert.Equal("call_0", root.GetProperty("messages")[3].GetProperty("tool_call_id").GetString());
        Assert.Equal("resolve_city", root.GetProperty("messages")[2].GetProperty("tool_calls")[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("Bearer key", handler.Authorization);
    }

    [Fact]
    public async Task AServerErrorSurfacesAsAnExceptionTheRunCanFallBackOn()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Unauthorized, """{"error":{"message":"bad key"}}""");
        using var client = new OpenAIChatClient(new Uri("http://127.0.0.1:9/v1"), "key", "m", TimeSpan.FromSeconds(10), new HttpClient(handler));

        var error = await Assert.ThrowsAsync<System.ClientModel.ClientResultException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
            {
            }
        });
        Assert.Equal(401, error.Status);
    }

    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly string[] _chunks;
        private readonly HttpStatusCode _status = HttpStatusCode.OK;
        private readonly string? _errorBody;

        public ScriptedHandler(params string[] chunks) => _chunks = chunks;

        public ScriptedHandler(HttpStatusCode status, string body)
        {
            _chunks = [];
            _status = status;
            _errorBody = body;
        }

        public List<string> Bodies { get; } = [];

        public string? Authorization { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            Authorization = request.Headers.Authorization?.ToString();
            if (_errorBody is not null)
            {
                return new HttpResponseMessage(_status) { Content = new StringContent(_errorBody, Encoding.UTF8, "application/json") };
            }

            var body = string.Concat(_chunks.Select(c => $"data: {c}\n\n")) + "data: [DONE]\n\n";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "text/event-stream") };
        }
    }
}
