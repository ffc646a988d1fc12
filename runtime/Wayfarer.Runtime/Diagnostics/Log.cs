using Microsoft.Extensions.Logging;

namespace Wayfarer.Runtime;

/// <summary>The runtime's source-generated log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 100, EventName = "ActivationFailed", Level = LogLevel.Warning, Message = "Activation of {GrainId} failed")]
    public static partial void ActivationFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 101, EventName = "DeactivationFailed", Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed (reason {Reason})")]
    public static partial void DeactivationFailed(ILogger logger, Exception exception, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(EventId = 102, EventName = "Deactivated", Level = LogLevel.Debug, Message = "Deactivated {GrainId} (reason {Reason})")]
    public static partial void Deactivated(ILogger logger, GrainId grainId, DeactivationReason reason);

    [LoggerMessage(EventId = 103, EventName = "UnhandledWorkItemException", Level = LogLevel.Error, Message = "A work item of {GrainId} threw")]
    public static partial void UnhandledWorkItemException(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 104, EventName = "TimerTickFailed", Level = LogLevel.Warning, Message = "A timer tick of {GrainId} threw")]
    public static partial void TimerTickFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 110, EventName = "RuntimeStarted", Level = LogLevel.Information, Message = "Grain runtime started: service {ServiceId}, cluster {ClusterId}, {GrainTypeCount} grain types")]
    public static partial void RuntimeStarted(ILogger logger, string serviceId, string clusterId, int grainTypeCount);

    [LoggerMessage(EventId = 111, EventName = "RuntimeStopping", Level = LogLevel.Information, Message = "Grain runtime stopping: deactivating {ActivationCount} activations")]
    public static partial void RuntimeStopping(ILogger logger, int activationCount);

    [LoggerMessage(EventId = 112, EventName = "RuntimeStopped", Level = LogLevel.Information, Message = "Grain runtime stopped; {Remaining} activations did not finish deactivating in time")]
    public static partial void RuntimeStopped(ILogger logger, int remaining);

    [LoggerMessage(EventId = 113, EventName = "IdleCollected", Level = LogLevel.Debug, Message = "Collecting {Count} idle activations")]
    public static partial void IdleCollected(ILogger logger, int count);

    [LoggerMessage(EventId = 114, EventName = "DirectoryUnregisterFailed", Level = LogLevel.Warning, Message = "Updating the grain directory for {GrainId} failed; the entry heals on the next lookup")]
    public static partial void DirectoryUnregisterFailed(ILogger logger, Exception exception, GrainId grainId);

    [LoggerMessage(EventId = 115, EventName = "RegistrationLost", Level = LogLevel.Debug, Message = "Another activation of {GrainId} won registration; forwarding {Count} queued calls to it")]
    public static partial void RegistrationLost(ILogger logger, GrainId grainId, int count);

    [LoggerMessage(EventId = 120, EventName = "ReminderTickFailed", Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} failed")]
    public static partial void ReminderTickFailed(ILogger logger, Exception exception, GrainId grainId, string reminderName);

    [LoggerMessage(EventId = 121, EventName = "ReminderRefreshFailed", Level = LogLevel.Warning, Message = "Reading the reminder table failed; retrying at the next refresh")]
    public static partial void ReminderRefreshFailed(ILogger logger, Exception exception);
}
