using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Timers;

/// <summary>A timer tick queued as a turn of its activation.</summary>
internal sealed class TimerTickMessage(GrainTimer timer) : Message
{
    public override GrainRequest? Request => null;

    public override bool IsCompleted => false;

    public override Task ExecuteAsync(ActivationData activation) => timer.TickAsync();

    public override void Fail(Exception exception)
    {
        // A tick has no caller to tell; the activation logs failed turns.
    }

    public override Task SendRemoteAsync(SiloRuntime runtime, Membership.SiloAddress silo, int hops)
        => throw new InvalidOperationException("Timer ticks run on the activation that owns the timer.");

    public override void CancelFromRemote()
    {
        // Ticks are never remote.
    }
}
