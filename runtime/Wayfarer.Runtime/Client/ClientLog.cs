using Microsoft.Extensions.Logging;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Client;

internal static partial class ClientLog
{
    [LoggerMessage(EventId = 400, EventName = "GatewayConnected", Level = LogLevel.Information, Message = "Connected to gateway {Silo}")]
    public static partial void GatewayConnected(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 401, EventName = "GatewayUnreachable", Level = LogLevel.Warning, Message = "Gateway {Silo} is unreachable: {Reason}")]
    public static partial void GatewayUnreachable(ILogger logger, SiloAddress silo, string reason);

    [LoggerMessage(EventId = 404, EventName = "DirectoryLookupFailed", Level = LogLevel.Debug, Message = "Looking up a grain's silo failed; calling through a gateway")]
    public static partial void DirectoryLookupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 403, EventName = "RefreshFailed", Level = LogLevel.Warning, Message = "Reading gateways from the membership table failed; retrying")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);
}
