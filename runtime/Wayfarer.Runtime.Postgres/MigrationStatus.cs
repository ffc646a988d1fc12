namespace Wayfarer.Runtime.Postgres;

/// <summary>One migration's standing in a database, from <see cref="PostgresMigrator.GetStatusAsync"/>.</summary>
/// <param name="Version">The migration version.</param>
/// <param name="Name">The file name (the recorded name when the file is missing).</param>
/// <param name="State">Where the migration stands.</param>
/// <param name="FileChecksum">The checksum of the file; null when the file is missing.</param>
/// <param name="AppliedChecksum">The checksum recorded when it was applied; null when pending.</param>
/// <param name="AppliedAt">When it was applied; null when pending.</param>
public sealed record MigrationStatus(
    int Version,
    string Name,
    MigrationState State,
    string? FileChecksum,
    string? AppliedChecksum,
    DateTimeOffset? AppliedAt);
