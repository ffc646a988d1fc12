using Microsoft.Extensions.Logging;

namespace Wayfarer.Grains.Ledger;

/// <summary>The ledger's log messages (no amounts tied to people, no prompts).</summary>
internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 1, EventName = "LedgerBatchFailed", Level = LogLevel.Warning, Message = "Writing a ledger batch of {Rows} rows failed (attempt {Attempt}); retrying in {Delay}")]
    public static partial void BatchFailed(ILogger logger, Exception exception, int rows, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2, EventName = "LedgerBatchRejected", Level = LogLevel.Error, Message = "A ledger batch of {Rows} rows was rejected by PostgreSQL and is dropped")]
    public static partial void BatchRejected(ILogger logger, Exception exception, int rows);

    [LoggerMessage(EventId = 3, EventName = "LedgerDrainIncomplete", Level = LogLevel.Warning, Message = "The ledger writer stopped with {Rows} rows unwritten")]
    public static partial void DrainIncomplete(ILogger logger, int rows);

    [LoggerMessage(EventId = 4, EventName = "CostWriteFailed", Level = LogLevel.Warning, Message = "Committing {Rows} cost rows failed (attempt {Attempt})")]
    public static partial void CostWriteFailed(ILogger logger, Exception exception, int rows, int attempt);

    [LoggerMessage(EventId = 10, EventName = "SpendDenied", Level = LogLevel.Information, Message = "Reservation for {Purpose} denied: {Reason}")]
    public static partial void SpendDenied(ILogger logger, string purpose, string reason);

    [LoggerMessage(EventId = 11, EventName = "OutboxFlushFailed", Level = LogLevel.Warning, Message = "Flushing {Count} charges to cost_tracking failed; the outbox keeps them")]
    public static partial void OutboxFlushFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 12, EventName = "OutboxReminderUnavailable", Level = LogLevel.Warning, Message = "Could not register the outbox reminder; pending charges flush on the next activation")]
    public static partial void OutboxReminderUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 13, EventName = "LedgerErased", Level = LogLevel.Information, Message = "A user ledger was erased")]
    public static partial void LedgerErased(ILogger logger);

    [LoggerMessage(EventId = 20, EventName = "PartitionsCreated", Level = LogLevel.Information, Message = "Created {Count} ledger partitions")]
    public static partial void PartitionsCreated(ILogger logger, int count);

    [LoggerMessage(EventId = 21, EventName = "PartitionArchived", Level = LogLevel.Information, Message = "Archived ledger partition {Partition} ({Destination})")]
    public static partial void PartitionArchived(ILogger logger, string partition, string destination);

    [LoggerMessage(EventId = 22, EventName = "MaintenanceFailed", Level = LogLevel.Warning, Message = "Ledger maintenance failed; retrying at the next interval")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 23, EventName = "MaintenanceSkipped", Level = LogLevel.Debug, Message = "Ledger maintenance is running on another silo")]
    public static partial void MaintenanceSkipped(ILogger logger);

    [LoggerMessage(EventId = 30, EventName = "MetricsSampleFailed", Level = LogLevel.Warning, Message = "Sampling silo metrics failed")]
    public static partial void MetricsSampleFailed(ILogger logger, Exception exception);
}
