namespace Wayfarer.Runtime.Client;

/// <summary>A connection from outside the cluster (the API front-end) to its gateway silos, with the same
/// <see cref="IGrainFactory"/> API as inside a silo.</summary>
/// <remarks>Calls go to a connected gateway, round robin; the gateway routes them to the grain's silo. When a gateway's
/// connection breaks, its in-flight calls fail at once with <see cref="SiloUnavailableException"/> (retriable) and
/// later calls use the other gateways while the client reconnects.</remarks>
public interface IClusterClient : IGrainFactory
{
    /// <summary>Whether at least one gateway is connected.</summary>
    bool IsConnected { get; }

    /// <summary>The gateways currently connected.</summary>
    IReadOnlyList<string> ConnectedGateways { get; }
}
