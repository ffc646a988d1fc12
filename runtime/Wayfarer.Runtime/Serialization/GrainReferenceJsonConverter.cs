using System.Text.Json;
using System.Text.Json.Serialization;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Serialization;

/// <summary>Writes grain and observer references as <c>{"id":"type/key","interface":"Full.Name"}</c> and reads them back
/// as live references bound to a runtime.</summary>
public sealed class GrainReferenceJsonConverter(IGrainReferenceRuntime runtime) : JsonConverterFactory
{
    /// <inheritdoc />
    public override bool CanConvert(Type typeToConvert)
        => typeof(IAddressable).IsAssignableFrom(typeToConvert) && (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    /// <inheritdoc />
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), runtime)!;

    private sealed class Converter<T>(IGrainReferenceRuntime runtime) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            string? id = null;
            string? interfaceName = null;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException("A grain reference must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "id":
                        id = reader.GetString();
                        break;
                    case "interface":
                        interfaceName = reader.GetString();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (id is null)
            {
                throw new JsonException("A grain reference needs an 'id'.");
            }

            var interfaceType = (interfaceName is null ? null : GrainInterfaceRegistry.FindInterface(interfaceName))
                ?? (typeToConvert.IsInterface ? typeToConvert : throw new JsonException($"Unknown grain interface '{interfaceName}'."));
            return (T)(object)GrainInterfaceRegistry.GetFactory(interfaceType)(runtime, GrainId.Parse(id));
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException($"Only grain references can be serialized as {typeof(T).Name}; pass this.AsReference<T>() instead of a grain instance.");
            }

            writer.WriteStartObject();
            writer.WriteString("id", reference.GrainId.ToString());
            writer.WriteString("interface", reference.InterfaceType.FullName);
            writer.WriteEndObject();
        }
    }
}
