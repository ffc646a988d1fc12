using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Membership;

internal static partial class MembershipLog
{
    [LoggerMessage(EventId = 300, EventName = "StatusChanged", Level = LogLevel.Information, Message = "Silo {Silo} is now {Status} in cluster {ClusterId}")]
    public static partial void StatusChanged(ILogger logger, SiloAddress silo, string clusterId, SiloStatus status);

    [LoggerMessage(EventId = 301, EventName = "Voted", Level = LogLevel.Warning, Message = "Voted {Target} unresponsive ({Votes}/{Needed} votes)")]
    public static partial void Voted(ILogger logger, SiloAddress target, int votes, int needed);

    [LoggerMessage(EventId = 302, EventName = "DeclaredDead", Level = LogLevel.Warning, Message = "Silo {Target} is dead")]
    public static partial void DeclaredDead(ILogger logger, SiloAddress target);

    [LoggerMessage(EventId = 303, EventName = "SelfDead", Level = LogLevel.Critical, Message = "This silo {Silo} was declared dead by its peers; stopping")]
    public static partial void SelfDead(ILogger logger, SiloAddress silo);

    [LoggerMessage(EventId = 304, EventName = "Reregistered", Level = LogLevel.Warning, Message = "This silo's membership row was missing (table lost or cleaned up); registered again as {Status}")]
    public static partial void Reregistered(ILogger logger, SiloStatus status);

    [LoggerMessage(EventId = 305, EventName = "TableError", Level = LogLevel.Warning, Message = "Membership table operation {Operation} failed; retrying")]
    public static partial void TableError(ILogger logger, Exception exception, string operation);
}
