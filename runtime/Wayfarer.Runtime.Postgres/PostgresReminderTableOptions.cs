namespace Wayfarer.Runtime.Postgres;

/// <summary>Options of the <see cref="PostgresReminderTable"/>.</summary>
public sealed class PostgresReminderTableOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Wayfarer:Reminders:Postgres";

    /// <summary>The Npgsql connection string of the database holding the <c>reminders</c> table.</summary>
    /// <value>Required; no default.</value>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>The service id written into every row, overriding <see cref="Hosting.ClusterOptions.ServiceId"/>.</summary>
    /// <value>Default null: the silo's <see cref="Hosting.ClusterOptions.ServiceId"/>.</value>
    public string? ServiceId { get; set; }
}
