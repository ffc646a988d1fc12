using System.Buffers;
using System.IO.Pipelines;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Tests.Transport;

[Trait("Category", "Unit")]
public sealed class FrameCodecTests
{
    [Fact]
    public async Task FramesRoundTripAcrossArbitrarySplits()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0));
        FrameCodec.Write(pipe.Writer, FrameType.Request, "hello"u8);
        FrameCodec.Write(pipe.Writer, FrameType.Ping, ReadOnlySpan<byte>.Empty);
        FrameCodec.Write(pipe.Writer, FrameType.Response, new byte[70_000]);
        await pipe.Writer.FlushAsync();
        await pipe.Writer.CompleteAsync();

        var frames = new List<(FrameType, int)>();
        while (true)
        {
            var result = await pipe.Reader.ReadAsync();
            var buffer = result.Buffer;
            while (FrameCodec.TryRead(ref buffer, out var type, out var payload))
            {
                frames.Add((type, (int)payload.Length));
            }

            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }

        Assert.Equal([(FrameType.Request, 5), (FrameType.Ping, 0), (FrameType.Response, 70_000)], frames);
    }

    [Fact]
    public void AnIncompleteFrameIsLeftForLater()
    {
        var bytes = new byte[] { 10, 0, 0, 0, (byte)FrameType.Request, 1, 2 };
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.False(FrameCodec.TryRead(ref buffer, out _, out _));
        Assert.Equal(7, buffer.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(FrameCodec.MaxFrameLength + 1)]
    public void AnOutOfRangeLengthIsRejected(int length)
    {
        var bytes = BitConverter.GetBytes(length).Concat(new byte[] { 1 }).ToArray();
        var buffer = new ReadOnlySequence<byte>(bytes);

        Assert.Throws<InvalidDataException>(() => FrameCodec.TryRead(ref buffer, out _, out _));
    }
}
