using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Redis;

/// <content>Source-generated log messages.</content>
public sealed partial class RedisGrainDirectory
{
    // Grain keys can identify travellers, so only the grain type is logged.
    [LoggerMessage(EventId = 1, EventName = "DirectoryRegistrationLost", Level = LogLevel.Debug,
        Message = "Grain directory kept the existing entry of a '{GrainType}' grain (activation {WinnerActivation} on {WinnerSilo}) instead of activation {ActivationId} on {Silo}.")]
    private static partial void LogRegistrationLost(ILogger logger, string grainType, string winnerActivation, string winnerSilo, string activationId, string silo);

    [LoggerMessage(EventId = 2, EventName = "DirectorySiloUnregistered", Level = LogLevel.Information,
        Message = "Grain directory removed {Count} entries of silo {Silo}.")]
    private static partial void LogSiloUnregistered(ILogger logger, long count, string silo);
}
