using System.Text.Json;
using Wayfarer.Runtime.Serialization;

namespace Wayfarer.Runtime.Redis;

/// <summary>The JSON settings of everything the Redis providers store: <see cref="GrainJson"/>'s defaults plus
/// silo addresses in their string form.</summary>
internal static class RedisJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = GrainJson.CreateOptions();
        options.Converters.Add(new SiloAddressJsonConverter());
        options.MakeReadOnly();
        return options;
    }
}
