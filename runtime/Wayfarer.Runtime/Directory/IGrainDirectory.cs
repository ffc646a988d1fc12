using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Directory;

/// <summary>The cluster-wide map of grain → activation address, which keeps each grain to one live activation.
/// Every implementation passes the grain directory contract suite.</summary>
/// <remarks>All operations are atomic per grain. Safe for concurrent use.</remarks>
public interface IGrainDirectory
{
    /// <summary>Registers <paramref name="address"/> unless another entry exists; an existing entry is replaced only
    /// when the caller names it exactly as <paramref name="previousAddress"/> (used to replace an entry on a dead silo).</summary>
    /// <returns>The entry now registered: <paramref name="address"/> if it won, else the existing winner.</returns>
    Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress = null, CancellationToken cancellationToken = default);

    /// <summary>Removes the entry if it is exactly <paramref name="address"/> (same activation); otherwise does nothing.</summary>
    /// <returns>True when removed.</returns>
    Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default);

    /// <summary>Looks up a grain's entry, or null.</summary>
    Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry pointing at one of <paramref name="silos"/> (dead silos), where the store can do it
    /// efficiently; stale entries are also healed lazily on lookup.</summary>
    Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default);
}
