using System.Buffers;

namespace Wayfarer.Runtime.Transport;

/// <summary>Receives what arrives on a connection besides responses and probes, which the connection handles itself.</summary>
internal interface IFrameHandler
{
    void OnRequest(ClusterConnection connection, FrameType type, ReadOnlySequence<byte> payload);

    void OnCancel(ClusterConnection connection, long requestId);

    void OnClosed(ClusterConnection connection, Exception? error);
}
