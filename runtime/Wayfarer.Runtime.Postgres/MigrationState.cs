namespace Wayfarer.Runtime.Postgres;

/// <summary>Where one migration stands in a database.</summary>
public enum MigrationState
{
    /// <summary>The file exists and has not been applied.</summary>
    Pending,

    /// <summary>The file was applied and still matches what was applied.</summary>
    Applied,

    /// <summary>The file was applied, but its checksum (or name) differs now: it was edited after being applied.</summary>
    Modified,

    /// <summary>The database records the version as applied, but no file has it any more.</summary>
    MissingFile,
}
