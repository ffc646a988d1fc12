namespace Wayfarer.Runtime.Membership;

/// <summary>One row of the membership table: a silo incarnation and what the cluster knows about it.</summary>
public sealed record MembershipEntry
{
    /// <summary>The silo.</summary>
    public required SiloAddress Silo { get; init; }

    /// <summary>Its status.</summary>
    public required SiloStatus Status { get; init; }

    /// <summary>A human-readable name (e.g. the host name plus a number).</summary>
    public string SiloName { get; init; } = string.Empty;

    /// <summary>The machine it runs on.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>When it started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>The last heartbeat it wrote. Heartbeats never change the table version.</summary>
    public DateTimeOffset IAmAliveTime { get; init; }

    /// <summary>Recent votes that it is unresponsive.</summary>
    public IReadOnlyList<SuspectVote> SuspectVotes { get; init; } = [];

    /// <summary>The grain types it can host (its manifest, for clients and placement).</summary>
    public IReadOnlyList<string> GrainTypes { get; init; } = [];
}
