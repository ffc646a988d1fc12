namespace Wayfarer.Runtime.Membership;

/// <summary>A consistent snapshot of the membership table.</summary>
/// <param name="Entries">Each row with its ETag.</param>
/// <param name="Version">The table version the snapshot was read at.</param>
public sealed record MembershipTableData(IReadOnlyList<MembershipRow> Entries, TableVersion Version);

/// <summary>A membership row and its ETag.</summary>
/// <param name="Entry">The row.</param>
/// <param name="ETag">The row's ETag, for <see cref="IMembershipTable.UpdateRowAsync"/>.</param>
public sealed record MembershipRow(MembershipEntry Entry, string ETag);
