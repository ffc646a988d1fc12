namespace Wayfarer.Runtime.Activation;

/// <summary>One hop of a call chain: the activation and the request it was running when it made the call.</summary>
internal readonly record struct CallChainEntry(GrainId GrainId, ActivationId ActivationId, long MessageId);
