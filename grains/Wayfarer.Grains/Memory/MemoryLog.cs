using Microsoft.Extensions.Logging;

namespace Wayfarer.Grains.Memory;

/// <summary>The memory grains' log messages. User ids are logged; item texts never are.</summary>
internal static partial class MemoryLog
{
    [LoggerMessage(EventId = 6001, EventName = "UserMemoryLoaded", Level = LogLevel.Debug, Message = "Loaded {Count} vectors for user {UserId} ({Stale} re-embedded, {Expired} expired skipped)")]
    public static partial void UserMemoryLoaded(ILogger logger, string userId, int count, int stale, int expired);

    [LoggerMessage(EventId = 6002, EventName = "CatalogShardLoaded", Level = LogLevel.Information, Message = "Catalog shard {Shard}/{Shards} holds {Count} vectors ({Stale} re-embedded)")]
    public static partial void CatalogShardLoaded(ILogger logger, long shard, int shards, int count, int stale);

    [LoggerMessage(EventId = 6003, EventName = "MemoryPruned", Level = LogLevel.Information, Message = "Pruned {Expired} expired and {Surplus} surplus memories of user {UserId}")]
    public static partial void MemoryPruned(ILogger logger, string userId, int expired, int surplus);

    [LoggerMessage(EventId = 6004, EventName = "UserMemoryErased", Level = LogLevel.Information, Message = "Erased {Count} vectors of user {UserId}")]
    public static partial void UserMemoryErased(ILogger logger, string userId, int count);

    [LoggerMessage(EventId = 6005, EventName = "CatalogLoaded", Level = LogLevel.Information, Message = "Catalog load: {Items} items, {Embedded} embedded, {Changed} rows written, {Shards} shards reloaded")]
    public static partial void CatalogLoaded(ILogger logger, int items, int embedded, int changed, int shards);

    [LoggerMessage(EventId = 6006, EventName = "PruneFailed", Level = LogLevel.Warning, Message = "Pruning the memory of user {UserId} failed; the next tick retries")]
    public static partial void PruneFailed(ILogger logger, Exception exception, string userId);

    [LoggerMessage(EventId = 6007, EventName = "ExpiredSwept", Level = LogLevel.Information, Message = "Deleted {Count} expired memory rows")]
    public static partial void ExpiredSwept(ILogger logger, int count);

    [LoggerMessage(EventId = 6008, EventName = "SweepFailed", Level = LogLevel.Warning, Message = "Sweeping expired memory rows failed; the next tick retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
