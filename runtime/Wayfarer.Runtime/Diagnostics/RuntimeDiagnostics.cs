using Wayfarer.Runtime.Activation;

namespace Wayfarer.Runtime.Diagnostics;

internal sealed class RuntimeDiagnostics(SiloRuntime runtime) : IRuntimeDiagnostics
{
    public string SiloName => runtime.Cluster?.Self.ToString() ?? "local";

    public int ActivationCount => runtime.Catalog.Count;

    public long PendingCallCount => runtime.Metrics.PendingCalls;

    public IReadOnlyDictionary<string, int> ActivationCountsByType()
        => runtime.Catalog.All.GroupBy(a => a.Type.Name).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public int CollectIdleActivations() => runtime.CollectIdleActivations();
}
