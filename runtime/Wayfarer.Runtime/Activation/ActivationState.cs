namespace Wayfarer.Runtime.Activation;

internal enum ActivationState
{
    /// <summary>Created, not yet started activating.</summary>
    Created,

    /// <summary>Constructing the grain, loading state and running OnActivateAsync.</summary>
    Activating,

    /// <summary>Serving calls.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync; new messages are held and forwarded afterwards.</summary>
    Deactivating,

    /// <summary>Gone; no longer in the catalog.</summary>
    Invalid,
}
