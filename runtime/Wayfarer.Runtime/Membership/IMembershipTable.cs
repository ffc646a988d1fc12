namespace Wayfarer.Runtime.Membership;

/// <summary>The cluster's membership table for one service and cluster id. Every implementation passes the membership
/// table contract suite.</summary>
/// <remarks>
/// Inserts and updates are compare-and-set on the table version (and, for updates, the row's ETag): exactly one of
/// several concurrent writers at the same version succeeds; the others get <c>false</c> and must re-read.
/// <see cref="UpdateIAmAliveAsync"/> changes only the heartbeat time and never the version, so heartbeats never
/// conflict with membership changes. Implementations are safe for concurrent use.
/// </remarks>
public interface IMembershipTable
{
    /// <summary>Creates the table (and its version 0) if it does not exist; safe to call repeatedly and concurrently.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads every row and the table version, consistently.</summary>
    Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts a new row if <paramref name="version"/> is the next version (current + 1) and the silo has no row.</summary>
    /// <returns>True when inserted; false when the version moved on or the row exists.</returns>
    Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion version, CancellationToken cancellationToken = default);

    /// <summary>Replaces a row if its ETag is <paramref name="etag"/> and <paramref name="version"/> is the next version.</summary>
    /// <returns>True when updated; false when either changed.</returns>
    Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion version, CancellationToken cancellationToken = default);

    /// <summary>Sets the row's <see cref="MembershipEntry.IAmAliveTime"/> without changing the version or the row's ETag.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default);

    /// <summary>Removes rows of silos that are <see cref="SiloStatus.Dead"/> or <see cref="SiloStatus.Stopped"/> and have not
    /// sent a heartbeat since <paramref name="beforeDate"/>.</summary>
    Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken = default);

    /// <summary>Deletes the whole table of this cluster (tests and decommissioning).</summary>
    Task DeleteTableAsync(CancellationToken cancellationToken = default);
}
