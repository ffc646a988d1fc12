using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Transport;

/// <summary>Encodes and decodes request and response payloads as JSON. Arguments and results use the runtime's JSON
/// settings (version tolerant; grain references travel as ids), so adding a field never breaks a peer.</summary>
internal sealed class MessageCodec(JsonSerializerOptions options)
{
    public JsonSerializerOptions Options { get; } = options;

    public void WriteRequest(IBufferWriter<byte> output, long id, GrainId target, GrainRequest request, RequestMessageHeaders headers)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteString("target", target.ToString());
        writer.WriteString("iface", request.Method.InterfaceType.FullName);
        writer.WriteString("method", request.Method.FullName);
        writer.WriteStartArray("args");
        var parameterTypes = request.Method.ParameterTypes;
        var argument = 0;
        for (var i = 0; i < parameterTypes.Count; i++)
        {
            if (i == request.Method.CancellationTokenIndex)
            {
                continue;
            }

            JsonSerializer.Serialize(writer, request.GetArgument(argument++), parameterTypes[i], Options);
        }

        writer.WriteEndArray();
        if (!headers.CallChain.IsDefaultOrEmpty)
        {
            writer.WriteStartArray("chain");
            foreach (var entry in headers.CallChain)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(entry.GrainId.ToString());
                writer.WriteStringValue(entry.ActivationId.Value);
                writer.WriteNumberValue(entry.MessageId);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        if (headers.RequestContext is { Count: > 0 } context)
        {
            writer.WriteStartObject("ctx");
            foreach (var (key, value) in context)
            {
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, value, value.GetType(), Options);
            }

            writer.WriteEndObject();
        }

        if (headers.Timeout != Timeout.InfiniteTimeSpan)
        {
            writer.WriteNumber("timeoutMs", (long)headers.Timeout.TotalMilliseconds);
        }

        if (headers.TraceParent is not null)
        {
            writer.WriteString("trace", headers.TraceParent);
        }

        if (headers.AllowCallChainReentrancy)
        {
            writer.WriteBoolean("reentrant", true);
        }

        if (headers.Hops > 0)
        {
            writer.WriteNumber("hops", headers.Hops);
        }

        writer.WriteEndObject();
    }

    /// <exception cref="WayfarerException">The request names a method this silo does not know.</exception>
    public InboundRequest ReadRequest(ReadOnlySequence<byte> payload, bool oneWay)
    {
        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var interfaceName = root.GetProperty("iface").GetString()!;
        var methodName = root.GetProperty("method").GetString()!;
        var method = RemoteMethod.Find(interfaceName, methodName)
            ?? throw new WayfarerException($"This silo does not know the method {methodName}; are all silos running the same grain interfaces?");
        var arguments = new object?[method.ParameterTypes.Length];
        using (var args = root.GetProperty("args").EnumerateArray())
        {
            for (var i = 0; i < arguments.Length; i++)
            {
                if (method.ParameterTypes[i] == typeof(CancellationToken))
                {
                    arguments[i] = CancellationToken.None;
                    continue;
                }

                arguments[i] = args.MoveNext() ? args.Current.Deserialize(method.ParameterTypes[i], Options) : null;
            }
        }

        var chain = ImmutableArray<CallChainEntry>.Empty;
        if (root.TryGetProperty("chain", out var chainElement))
        {
            chain = [.. chainElement.EnumerateArray().Select(e => new CallChainEntry(
                GrainId.Parse(e[0].GetString()!), new ActivationId(e[1].GetGuid()), e[2].GetInt64()))];
        }

        ImmutableDictionary<string, object>? context = null;
        if (root.TryGetProperty("ctx", out var contextElement))
        {
            var builder = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
            foreach (var property in contextElement.EnumerateObject())
            {
                if (ReadContextValue(property.Value) is { } value)
                {
                    builder[property.Name] = value;
                }
            }

            context = builder.ToImmutable();
        }

        return new InboundRequest
        {
            Id = root.GetProperty("id").GetInt64(),
            Target = GrainId.Parse(root.GetProperty("target").GetString()!),
            Method = method,
            Arguments = arguments,
            CallChain = chain,
            RequestContext = context,
            Timeout = root.TryGetProperty("timeoutMs", out var timeout) ? TimeSpan.FromMilliseconds(timeout.GetInt64()) : Timeout.InfiniteTimeSpan,
            TraceParent = root.TryGetProperty("trace", out var trace) ? trace.GetString() : null,
            AllowCallChainReentrancy = root.TryGetProperty("reentrant", out var reentrant) && reentrant.GetBoolean(),
            OneWay = oneWay,
            Hops = root.TryGetProperty("hops", out var hops) ? hops.GetInt32() : 0,
        };
    }

    public void WriteResult(IBufferWriter<byte> output, long id, object? result, Type type)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WritePropertyName("result");
        JsonSerializer.Serialize(writer, result, type, Options);
        writer.WriteEndObject();
    }

    public static void WriteError(IBufferWriter<byte> output, long id, Exception exception)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WritePropertyName("error");
        ExceptionCodec.Write(writer, exception);
        writer.WriteEndObject();
    }

    public static void WriteId(IBufferWriter<byte> output, long id)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteNumber("id", id);
        writer.WriteEndObject();
    }

    public static long ReadId(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.GetProperty("id").GetInt64();
    }

    private static object? ReadContextValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.Number => value.GetDouble(),
        _ => null,
    };
}

/// <summary>The call metadata that travels with a request.</summary>
internal readonly record struct RequestMessageHeaders(
    ImmutableArray<CallChainEntry> CallChain,
    ImmutableDictionary<string, object>? RequestContext,
    TimeSpan Timeout,
    string? TraceParent,
    bool AllowCallChainReentrancy,
    int Hops);
