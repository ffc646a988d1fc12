namespace Wayfarer.Runtime.Reminders;

/// <summary>The durable store of reminders for one service. Every implementation passes the reminder table
/// contract suite.</summary>
/// <remarks>Rows are keyed by grain id and reminder name. Every upsert yields a new ETag; a removal that names
/// a stale ETag removes nothing. Implementations are safe for concurrent use.</remarks>
public interface IReminderTable
{
    /// <summary>Creates the backing tables if the store needs it; safe to call repeatedly.</summary>
    Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads every reminder of the service.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads the reminders of one grain.</summary>
    Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default);

    /// <summary>Reads one reminder, or null.</summary>
    Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces a reminder and returns its new ETag.</summary>
    Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Removes a reminder if <paramref name="eTag"/> is the stored one.</summary>
    /// <returns>True when a row was removed; false when none matched (missing, or stale ETag).</returns>
    Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default);

    /// <summary>Removes every reminder of the service (tests and erasure tooling).</summary>
    Task ClearAllAsync(CancellationToken cancellationToken = default);
}
