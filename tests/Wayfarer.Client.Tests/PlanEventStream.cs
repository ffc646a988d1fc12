using System.Net;
using System.Net.Http.Headers;

namespace Wayfarer.Client.Tests;

/// <summary>A live subscription to <c>GET /api/plans/{id}/events</c>, open once its greeting line has arrived.</summary>
internal sealed class PlanEventStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private PlanEventStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<PlanEventStream> OpenAsync(HttpClient client, string planId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/plans/{planId}/events");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        Assert.StartsWith(": subscribed", await reader.ReadLineAsync(ct), StringComparison.Ordinal);
        return new PlanEventStream(response, reader);
    }

    /// <summary>The next <c>data:</c> line, or null when the stream ended.</summary>
    public async Task<string?> NextDataAsync(CancellationToken ct)
    {
        string? line;
        do
        {
            line = await _reader.ReadLineAsync(ct);
        }
        while (line is not null && !line.StartsWith("data:", StringComparison.Ordinal));

        return line;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
