namespace Wayfarer.Runtime.Postgres;

/// <summary>Options of the <see cref="PostgresMigrator"/> and of the start-up step that runs it.</summary>
public sealed class PostgresMigrationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Migrations";

    /// <summary>The Npgsql connection string of the database to migrate; its role must be allowed to create tables.</summary>
    /// <value>Required; no default.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Whether the silo applies pending migrations when it starts.</summary>
    /// <value>Default false: migrations are applied by a deployment step, and the silo only logs that it skipped them.</value>
    public bool ApplyMigrations { get; set; }

    /// <summary>The time allowed for each database command: one migration, or the wait for another migrator's lock.</summary>
    /// <value>Default 10 minutes; at least 1 second.</value>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
