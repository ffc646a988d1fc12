using System.IO.Pipelines;

namespace Wayfarer.Runtime.Transport;

/// <summary>Pipes over a stream (the outbound side of a connection).</summary>
internal sealed class DuplexStreamPipe(Stream stream) : IDuplexPipe
{
    public PipeReader Input { get; } = PipeReader.Create(stream, new StreamPipeReaderOptions(leaveOpen: false));

    public PipeWriter Output { get; } = PipeWriter.Create(stream, new StreamPipeWriterOptions(leaveOpen: true));
}
