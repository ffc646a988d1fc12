using System.Text.Json;
using System.Text.Json.Serialization;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>Writes a <see cref="SiloAddress"/> as its string form <c>host:port@generation</c>.</summary>
internal sealed class SiloAddressJsonConverter : JsonConverter<SiloAddress>
{
    public override SiloAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A silo address must be a string, not null.");
        try
        {
            return SiloAddress.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new JsonException(exception.Message, exception);
        }
    }

    public override void Write(Utf8JsonWriter writer, SiloAddress value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
