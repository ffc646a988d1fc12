using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Postgres;

/// <content>Source-generated log messages.</content>
public sealed partial class PostgresGrainStorage
{
    // Grain keys can identify travellers, so only the grain type is logged; the exception carries the full id.
    [LoggerMessage(EventId = 1, EventName = "GrainStateConflict", Level = LogLevel.Warning,
        Message = "Grain storage '{StorageName}' rejected a write of state '{StateName}' of a '{GrainType}' grain: ETag '{PresentedETag}' does not match stored ETag '{StoredETag}'.")]
    private static partial void LogConflict(ILogger logger, string storageName, string grainType, string stateName, string? presentedETag, string? storedETag);
}
