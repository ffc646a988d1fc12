namespace Wayfarer.Runtime.Transport;

/// <summary>The first frame on a connection, each way.</summary>
internal sealed record Handshake
{
    /// <summary>The wire protocol version this build speaks.</summary>
    public const int CurrentProtocol = 1;

    public int Protocol { get; init; } = CurrentProtocol;

    /// <summary><c>silo</c> or <c>client</c>.</summary>
    public required string Role { get; init; }

    /// <summary>The sender's silo address (silos only).</summary>
    public string? Silo { get; init; }

    public required string ServiceId { get; init; }

    public required string ClusterId { get; init; }

    /// <summary>Grain types the silo hosts (sent by silos to clients, which resolve interfaces with it).</summary>
    public IReadOnlyList<GrainTypeManifestEntry> GrainTypes { get; init; } = [];

    /// <summary>Why the peer refused (reject frames only).</summary>
    public string? Reason { get; init; }
}

/// <summary>One grain type a silo hosts.</summary>
/// <param name="Type">The grain type name.</param>
/// <param name="Class">The grain class's full name (for class-name-prefix resolution).</param>
/// <param name="Interfaces">The full names of the grain interfaces it implements.</param>
internal sealed record GrainTypeManifestEntry(string Type, string Class, IReadOnlyList<string> Interfaces);
