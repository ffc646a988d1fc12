using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime.Postgres;

/// <content>Source-generated log messages.</content>
public sealed partial class PostgresMigrator
{
    [LoggerMessage(EventId = 1, EventName = "MigrationApplying", Level = LogLevel.Information, Message = "Applying migration {MigrationName}.")]
    private static partial void LogApplying(ILogger logger, string migrationName);

    [LoggerMessage(EventId = 2, EventName = "MigrationApplied", Level = LogLevel.Information, Message = "Applied migration {MigrationName} in {ElapsedMilliseconds} ms.")]
    private static partial void LogApplied(ILogger logger, string migrationName, long elapsedMilliseconds);

    [LoggerMessage(EventId = 3, EventName = "MigrationFailed", Level = LogLevel.Error, Message = "Migration {MigrationName} failed and was rolled back.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string migrationName);

    [LoggerMessage(EventId = 4, EventName = "MigrationsRefused", Level = LogLevel.Critical, Message = "Refusing to migrate because of {MigrationName}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string migrationName, string reason);

    [LoggerMessage(EventId = 5, EventName = "MigrationsUpToDate", Level = LogLevel.Information, Message = "Database schema is up to date ({MigrationCount} migrations).")]
    private static partial void LogUpToDate(ILogger logger, int migrationCount);
}
