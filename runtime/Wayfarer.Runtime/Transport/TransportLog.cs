using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Transport;

internal static partial class TransportLog
{
    [LoggerMessage(EventId = 200, EventName = "ConnectionFailed", Level = LogLevel.Warning, Message = "Connection to {Peer} failed")]
    public static partial void ConnectionFailed(ILogger logger, Exception exception, string peer);

    [LoggerMessage(EventId = 201, EventName = "ConnectionClosed", Level = LogLevel.Debug, Message = "Connection to {Peer} closed")]
    public static partial void ConnectionClosed(ILogger logger, string peer);

    [LoggerMessage(EventId = 202, EventName = "ConnectionAccepted", Level = LogLevel.Debug, Message = "Accepted a connection from {Peer}")]
    public static partial void ConnectionAccepted(ILogger logger, string peer);

    [LoggerMessage(EventId = 203, EventName = "HandshakeRejected", Level = LogLevel.Warning, Message = "Rejected a connection from {Peer}: {Reason}")]
    public static partial void HandshakeRejected(ILogger logger, string peer, string reason);

    [LoggerMessage(EventId = 204, EventName = "Listening", Level = LogLevel.Information, Message = "Cluster transport listening on {Endpoint}")]
    public static partial void Listening(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 205, EventName = "BadFrame", Level = LogLevel.Warning, Message = "Could not process a {FrameType} frame from {Peer}")]
    public static partial void BadFrame(ILogger logger, Exception exception, FrameType frameType, string peer);
}
