namespace Wayfarer.Runtime.Diagnostics;

/// <summary>A read-only view of the silo runtime for health checks, operators and tests.</summary>
public interface IRuntimeDiagnostics
{
    /// <summary>This silo's address (host:port@generation) in a cluster; <c>local</c> for a silo that runs alone.</summary>
    string SiloName { get; }

    /// <summary>Live activations on this silo (observer objects included).</summary>
    int ActivationCount { get; }

    /// <summary>Calls sent from this silo that await a response.</summary>
    long PendingCallCount { get; }

    /// <summary>The activation counts per grain type.</summary>
    IReadOnlyDictionary<string, int> ActivationCountsByType();

    /// <summary>Deactivates every activation idle for longer than its collection age, now, and returns how many.</summary>
    int CollectIdleActivations();
}
