using System.Collections.Concurrent;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Placement;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Activation;

/// <summary>What a silo needs to take part in a cluster: transport, membership, directory (with its local cache),
/// placement and the message codec.</summary>
internal sealed class ClusterState(
    ClusterTransport transport, MembershipService membership, IGrainDirectory directory, PlacementService placement, MessageCodec codec)
{
    public ClusterTransport Transport { get; } = transport;

    public MembershipService Membership { get; } = membership;

    public IGrainDirectory Directory { get; } = directory;

    public PlacementService Placement { get; } = placement;

    public MessageCodec Codec { get; } = codec;

    /// <summary>Directory entries this silo has seen, so most calls skip the directory round trip.</summary>
    public ConcurrentDictionary<GrainId, GrainAddress> Cache { get; } = new();

    /// <summary>Requests that arrived from peers and are still running here, so a peer's cancel frame can reach them.</summary>
    public ConcurrentDictionary<(ClusterConnection, long), Message> Inbound { get; } = new();

    public SiloAddress Self => Transport.LocalSilo;
}
