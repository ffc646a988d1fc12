using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>An OpenAI-compatible chat-completions server in the test process, on a free loopback port: request <i>n</i> to
/// <c>POST /v1/chat/completions</c> is answered with entry <i>n</i> of a script, streamed as server-sent events in the
/// <c>chat.completion.chunk</c> format (with a usage chunk and <c>data: [DONE]</c>). Requests past the script's end get a 500.</summary>
public sealed class ScriptedOpenAiServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly IReadOnlyList<ScriptedReply> _script;
    private readonly List<ReceivedChatRequest> _requests = [];
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;

    private ScriptedOpenAiServer(IReadOnlyList<ScriptedReply> script) => _script = script;

    /// <summary>The API base address to configure (<c>http://127.0.0.1:port/v1</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<ReceivedChatRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts the server.</summary>
    public static async Task<ScriptedOpenAiServer> StartAsync(IReadOnlyList<ScriptedReply> script)
    {
        var server = new ScriptedOpenAiServer(script);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server._app = app;
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    /// <summary>Lets blocked requests finish.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived.</summary>
    /// <exception cref="TimeoutException">They did not arrive within <paramref name="timeout"/>.</exception>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        var clock = Stopwatch.StartNew();
        while (Requests.Count < count)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"expected {count} model requests within {timeout.TotalSeconds:0}s, saw {Describe()}\n{diagnostics?.Invoke()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Each request's number, script entry and outcome, for messages.</summary>
    public string Describe()
    {
        var requests = Requests;
        return requests.Count == 0
            ? "no requests"
            : string.Join("; ", requests.Select(r => $"#{r.Number} {r.Reply?.GetType().Name ?? "none"}: {r.Outcome}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Release();
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token);
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        ReceivedChatRequest request;
        lock (_requests)
        {
            var number = _requests.Count + 1;
            request = new ReceivedChatRequest(number, body, number <= _script.Count ? _script[number - 1] : null);
            _requests.Add(request);
        }

        if (request.Reply is null)
        {
            request.Outcome = "out of script";
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"request {request.Number} is past the script's end", type = "server_error" } });
            return;
        }

        var id = $"chatcmpl-{request.Number}";
        var promptTokens = Math.Max(1, body.Length / 4);
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        try
        {
            await ChunkAsync(context, id, new { Role = "assistant", Content = string.Empty }, null);
            switch (request.Reply)
            {
                case ScriptedReply.Block block:
                    await _released.Task.WaitAsync(context.RequestAborted);
                    await TextAsync(context, id, block.AfterRelease, promptTokens);
                    request.Outcome = "released";
                    return;
                case ScriptedReply.ToolCall call:
                    await ToolCallAsync(context, id, request.Number, call, promptTokens);
                    break;
                case ScriptedReply.Text text:
                    await TextAsync(context, id, text.Content, promptTokens);
                    break;
            }

            request.Outcome = "answered";
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            request.Outcome = "aborted";
        }
        catch (IOException)
        {
            request.Outcome = "aborted";
        }
    }

    private static async Task ToolCallAsync(HttpContext context, string id, int number, ScriptedReply.ToolCall call, int promptTokens)
    {
        var callId = $"call_{number}";
        await ChunkAsync(context, id, new { ToolCalls = new[] { new { Index = 0, Id = callId, Type = "function", Function = new { call.Name, Arguments = string.Empty } } } }, null);
        var half = call.Arguments.Length / 2;
        foreach (var fragment in new[] { call.Arguments[..half], call.Arguments[half..] })
        {
            await ChunkAsync(context, id, new { ToolCalls = new[] { new { Index = 0, Function = new { Arguments = fragment } } } }, null);
        }

        await ChunkAsync(context, id, new { }, "tool_calls");
        await EndAsync(context, id, promptTokens, Math.Max(1, call.Arguments.Length / 4));
    }

    private static async Task TextAsync(HttpContext context, string id, string text, int promptTokens)
    {
        foreach (var word in text.Split(' '))
        {
            await ChunkAsync(context, id, new { Content = word == text ? word : word + " " }, null);
        }

        await ChunkAsync(context, id, new { }, "stop");
        await EndAsync(context, id, promptTokens, Math.Max(1, text.Length / 4));
    }

    private static Task ChunkAsync(HttpContext context, string id, object delta, string? finishReason) =>
        WriteAsync(context, new
        {
            Id = id,
            Object = "chat.completion.chunk",
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Model = "gpt-4o-mini",
            Choices = new[] { new { Index = 0, Delta = delta, FinishReason = finishReason } },
        });

    private static async Task EndAsync(HttpContext context, string id, int promptTokens, int completionTokens)
    {
        await WriteAsync(context, new
        {
            Id = id,
            Object = "chat.completion.chunk",
            Created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            Model = "gpt-4o-mini",
            Choices = Array.Empty<object>(),
            Usage = new { PromptTokens = promptTokens, CompletionTokens = completionTokens, TotalTokens = promptTokens + completionTokens },
        });
        await context.Response.WriteAsync("data: [DONE]\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }

    private static async Task WriteAsync(HttpContext context, object chunk)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, s_json) + "\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
