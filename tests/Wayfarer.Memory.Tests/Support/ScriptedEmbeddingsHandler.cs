using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wayfarer.Memory.Tests.Support;

/// <summary>An HTTP handler that plays an OpenAI-compatible <c>/embeddings</c> service: it records each request and
/// answers with vectors made by <see cref="MakeVector"/> (or a scripted failure). Never touches the network.</summary>
internal sealed class ScriptedEmbeddingsHandler(int dimension) : HttpMessageHandler
{
    public List<(Uri Uri, string? Authorization, JsonObject Body)> Requests { get; } = [];

    public HttpStatusCode? FailWith { get; set; }

    public int? AnswerDimension { get; set; }

    public static float[] MakeVector(string text, int dimension)
    {
        var vector = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            vector[i] = ((text.Length + i) % 7) + 1;
        }

        return vector;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        Requests.Add((request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        if (FailWith is { } status)
        {
            return new HttpResponseMessage(status) { Content = new StringContent("""{"error":{"message":"scripted","type":"server_error"}}""", Encoding.UTF8, "application/json") };
        }

        var base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var inputs = body["input"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        var data = new JsonArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            var vector = MakeVector(inputs[i], AnswerDimension ?? dimension);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(vector.SelectMany(BitConverter.GetBytes).ToArray()))
                : new JsonArray([.. vector.Select(v => (JsonNode)JsonValue.Create(v))]);
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }

        var answer = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        };
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
    }
}
