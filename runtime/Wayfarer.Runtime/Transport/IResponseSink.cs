using System.Text.Json;

namespace Wayfarer.Runtime.Transport;

/// <summary>Something waiting for the response to a request sent on a connection.</summary>
internal interface IResponseSink
{
    /// <summary>The response arrived: <paramref name="response"/> has either <c>result</c> or <c>error</c>.</summary>
    void OnResponse(JsonElement response, ClusterConnection connection);

    /// <summary>The connection broke before the response arrived.</summary>
    void OnConnectionLost(Exception exception);
}
