using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wayfarer.Grains.Agents.Models;

/// <summary>The JSON settings of agent payloads, events, tool arguments and ledger rows (web defaults, enums as camelCase strings).</summary>
public static class AgentJson
{
    /// <summary>The shared options.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serializes <paramref name="value"/>, cut to <paramref name="maxLength"/> characters (with a marker) for ledgers.</summary>
    public static string Serialize(object? value, int maxLength = 16_384)
    {
        string json;
        try
        {
            json = JsonSerializer.Serialize(value, value?.GetType() ?? typeof(object), Options);
        }
        catch (NotSupportedException exception)
        {
            json = JsonSerializer.Serialize(new { unserializable = value?.GetType().Name, error = exception.Message }, Options);
        }

        return json.Length <= maxLength ? json : JsonSerializer.Serialize(new { truncated = true, length = json.Length, head = json[..maxLength] }, Options);
    }
}
