namespace Wayfarer.Runtime;

/// <summary>Why an activation is being deactivated; passed to <see cref="Grain.OnDeactivateAsync"/>.</summary>
public enum DeactivationReason
{
    /// <summary>The grain asked for it with <see cref="Grain.DeactivateOnIdle"/>.</summary>
    ApplicationRequested,

    /// <summary>The activation was idle for longer than its collection age.</summary>
    IdleCollection,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>A storage write found newer state (ETag mismatch): this activation's state is stale.</summary>
    InconsistentState,

    /// <summary>Activation failed.</summary>
    ActivationFailed,

    /// <summary>Another activation of the same grain won registration (cluster only).</summary>
    DuplicateActivation,
}
