using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Redis;

/// <content>Source-generated log messages.</content>
public sealed partial class RedisMembershipTable
{
    [LoggerMessage(EventId = 1, EventName = "MembershipInsertRejected", Level = LogLevel.Debug,
        Message = "Membership table '{Key}' rejected the insert of silo {Silo} at version {Version}: {Reason}.")]
    private static partial void LogInsertRejected(ILogger logger, string key, string silo, int version, string reason);

    [LoggerMessage(EventId = 2, EventName = "MembershipUpdateRejected", Level = LogLevel.Debug,
        Message = "Membership table '{Key}' rejected the update of silo {Silo} at version {Version}: {Reason}.")]
    private static partial void LogUpdateRejected(ILogger logger, string key, string silo, int version, string reason);

    [LoggerMessage(EventId = 3, EventName = "MembershipHeartbeatWithoutRow", Level = LogLevel.Warning,
        Message = "Membership table '{Key}' has no row for silo {Silo}, so its heartbeat was dropped; the table may have been lost or cleaned up.")]
    private static partial void LogHeartbeatWithoutRow(ILogger logger, string key, string silo);

    [LoggerMessage(EventId = 4, EventName = "MembershipDefunctRowsRemoved", Level = LogLevel.Information,
        Message = "Membership table '{Key}' removed {Count} dead or stopped silo rows with no heartbeat since {BeforeDate:O}.")]
    private static partial void LogDefunctRowsRemoved(ILogger logger, string key, long count, DateTimeOffset beforeDate);

    [LoggerMessage(EventId = 5, EventName = "MembershipTableAbsent", Level = LogLevel.Debug,
        Message = "Membership table '{Key}' does not exist; it reads as empty at version 0.")]
    private static partial void LogTableAbsent(ILogger logger, string key);
}
