namespace Wayfarer.Grains.Ledger;

/// <summary>What one <see cref="LedgerMaintenance"/> pass did.</summary>
/// <param name="PartitionsCreated">Monthly partitions created.</param>
/// <param name="PartitionsArchived">The partitions archived and dropped from the live tables.</param>
public sealed record LedgerMaintenanceResult(int PartitionsCreated, IReadOnlyList<string> PartitionsArchived);
