namespace Wayfarer.Runtime.Transport;

/// <summary>No connection to a silo could be made, so nothing was sent to it: routing may safely try elsewhere.</summary>
internal sealed class SiloUnreachableException(Membership.SiloAddress silo, string reason, Exception? innerException)
    : WayfarerException($"Cannot reach silo {silo}: {reason}", innerException)
{
    public Membership.SiloAddress Silo { get; } = silo;

    public override bool IsTransient => true;
}
