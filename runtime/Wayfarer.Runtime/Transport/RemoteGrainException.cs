namespace Wayfarer.Runtime.Transport;

/// <summary>An exception a grain threw on another silo whose type this process cannot recreate; it carries the
/// original type name, message and stack trace.</summary>
public sealed class RemoteGrainException(string originalType, string message, string? remoteStackTrace, bool isTransient)
    : WayfarerException($"{originalType}: {message}")
{
    /// <summary>The full name of the exception type thrown remotely.</summary>
    public string OriginalType { get; } = originalType;

    /// <summary>The original message.</summary>
    public string OriginalMessage { get; } = message;

    /// <summary>The stack trace on the remote silo.</summary>
    public string? RemoteStackTrace { get; } = remoteStackTrace;

    /// <inheritdoc />
    public override bool IsTransient { get; } = isTransient;
}
