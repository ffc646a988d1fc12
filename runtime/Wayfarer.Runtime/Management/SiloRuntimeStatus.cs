namespace Wayfarer.Runtime.Management;

/// <summary>One silo's runtime status.</summary>
/// <param name="Silo">The silo address.</param>
/// <param name="Activations">Live activations.</param>
/// <param name="PendingCalls">Calls from this silo awaiting responses.</param>
/// <param name="ActivationsByType">Live activations per grain type.</param>
[Immutable]
public sealed record SiloRuntimeStatus(string Silo, int Activations, long PendingCalls, IReadOnlyDictionary<string, int> ActivationsByType);
