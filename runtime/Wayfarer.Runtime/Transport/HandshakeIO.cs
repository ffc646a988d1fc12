using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Wayfarer.Runtime.Transport;

/// <summary>Reads and writes the handshake frame directly on the pipes, before the connection's loops start.</summary>
internal static class HandshakeIO
{
    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(PipeWriter writer, FrameType type, Handshake handshake, CancellationToken cancellationToken)
    {
        FrameCodec.Write(writer, type, JsonSerializer.SerializeToUtf8Bytes(handshake, s_options));
        await writer.FlushAsync(cancellationToken);
    }

    /// <exception cref="InvalidDataException">The peer closed or sent something other than a handshake.</exception>
    public static async Task<(FrameType Type, Handshake Handshake)> ReadAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            if (FrameCodec.TryRead(ref buffer, out var type, out var payload))
            {
                if (type is not (FrameType.Handshake or FrameType.Reject))
                {
                    throw new InvalidDataException($"Expected a handshake, got a {type} frame.");
                }

                var handshake = Deserialize(payload);
                reader.AdvanceTo(buffer.Start);
                return (type, handshake);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                throw new InvalidDataException("The peer closed the connection during the handshake.");
            }
        }
    }

    private static Handshake Deserialize(ReadOnlySequence<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        return JsonSerializer.Deserialize<Handshake>(ref reader, s_options) ?? throw new InvalidDataException("Empty handshake.");
    }
}
