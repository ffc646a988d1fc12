using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;

namespace Wayfarer.Runtime.Transport;

/// <summary>Length-prefixed frames: a 4-byte little-endian length (of what follows), a 1-byte <see cref="FrameType"/>,
/// then the payload.</summary>
internal static class FrameCodec
{
    /// <summary>The largest frame accepted; a peer announcing more is broken or hostile and is disconnected.</summary>
    public const int MaxFrameLength = 64 * 1024 * 1024;

    public static void Write(PipeWriter writer, FrameType type, ReadOnlySpan<byte> payload)
    {
        var span = writer.GetSpan(5 + payload.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span, payload.Length + 1);
        span[4] = (byte)type;
        payload.CopyTo(span[5..]);
        writer.Advance(5 + payload.Length);
    }

    /// <summary>Takes one frame from <paramref name="buffer"/> if it is complete.</summary>
    /// <exception cref="InvalidDataException">The length prefix is out of range.</exception>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, out FrameType type, out ReadOnlySequence<byte> payload)
    {
        type = default;
        payload = default;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> prefix = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(prefix);
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (length is < 1 or > MaxFrameLength)
        {
            throw new InvalidDataException($"Frame length {length} is out of range (1..{MaxFrameLength}).");
        }

        if (buffer.Length < 4 + length)
        {
            return false;
        }

        type = (FrameType)buffer.Slice(4, 1).FirstSpan[0];
        payload = buffer.Slice(5, length - 1);
        buffer = buffer.Slice(4 + length);
        return true;
    }
}
