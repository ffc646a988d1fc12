using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Diagnostics;

namespace Wayfarer.Runtime.Management;

/// <summary>Reports the status of the silo it runs on; refuses to activate anywhere but the silo its key names.</summary>
[GrainType("sys.silo-control")]
[CollectionAgeLimit(Minutes = 2)]
internal sealed class SiloControlGrain(IRuntimeDiagnostics diagnostics) : Grain, ISiloControlGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var self = Activation.Runtime.Cluster?.Self.ToString();
        if (self is not null && self != this.GetPrimaryKeyString())
        {
            throw new SiloUnavailableException($"Silo {this.GetPrimaryKeyString()} is not reachable (this is {self}).");
        }

        return Task.CompletedTask;
    }

    public Task<SiloRuntimeStatus> GetStatus()
        => Task.FromResult(new SiloRuntimeStatus(
            this.GetPrimaryKeyString(), diagnostics.ActivationCount, diagnostics.PendingCallCount, diagnostics.ActivationCountsByType()));
}
