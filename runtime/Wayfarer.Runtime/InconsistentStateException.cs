namespace Wayfarer.Runtime;

/// <summary>
/// A storage write or clear named an ETag that does not match the stored record: another activation
/// (or another writer) changed it first. Stored data is unchanged.
/// </summary>
/// <remarks>
/// When this escapes a grain call the runtime deactivates the activation that raised it, so the next
/// call reloads the stored state (ETag fencing: a stale activation can never overwrite newer data).
/// </remarks>
public sealed class InconsistentStateException : WayfarerException
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag, Exception? innerException = null)
        : base(message, innerException)
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>The ETag held in storage, when the store could tell it.</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the writer presented.</summary>
    public string? CurrentEtag { get; }

    /// <summary>The grain whose state was written, when known.</summary>
    public GrainId? GrainId { get; init; }

    /// <summary>The state name.</summary>
    public string? StateName { get; init; }

    /// <inheritdoc />
    /// <value>True: the caller can retry against the fresh activation the runtime creates next.</value>
    public override bool IsTransient => true;
}
