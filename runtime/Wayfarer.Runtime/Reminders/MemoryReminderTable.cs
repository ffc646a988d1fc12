using System.Globalization;

namespace Wayfarer.Runtime.Reminders;

/// <summary>An in-memory <see cref="IReminderTable"/> for tests and development, with the same semantics as the
/// PostgreSQL table.</summary>
/// <remarks>
/// <para>ETags are decimal versions drawn from one counter for the whole table, so every upsert yields an ETag
/// never seen before, even for a reminder that was removed and created again: a removal naming the ETag of an
/// earlier incarnation removes nothing.</para>
/// <para>Stored values are normalised as PostgreSQL stores them: <see cref="ReminderEntry.StartAt"/> in UTC,
/// truncated to whole microseconds, and <see cref="ReminderEntry.Period"/> truncated to whole milliseconds.
/// Rows are returned in no particular order.</para>
/// <para>Safe for concurrent use; each operation is atomic. Rows live as long as this instance.</para>
/// </remarks>
public sealed class MemoryReminderTable : IReminderTable
{
    private readonly Dictionary<(string GrainType, string GrainKey, string ReminderName), ReminderEntry> _rows = [];
    private readonly Lock _lock = new();
    private long _lastVersion;

    /// <summary>Creates an empty table.</summary>
    /// <param name="serviceId">The service id the reminders belong to (see <see cref="Hosting.ClusterOptions.ServiceId"/>).</param>
    public MemoryReminderTable(string serviceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceId);
        ServiceId = serviceId;
    }

    /// <summary>The service id the reminders belong to.</summary>
    public string ServiceId { get; }

    /// <inheritdoc />
    /// <remarks>Nothing to create: completes at once.</remarks>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values]);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ReminderEntry>> ReadRowsAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        ThrowIfDefault(grainId);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ReminderEntry>>([.. _rows.Values.Where(row => row.GrainId == grainId)]);
        }
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRowAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken = default)
    {
        ThrowIfDefault(grainId);
        ArgumentNullException.ThrowIfNull(reminderName);
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault((grainId.Type, grainId.Key, reminderName)));
        }
    }

    /// <inheritdoc />
    /// <remarks>The entry's own <see cref="ReminderEntry.ETag"/> is ignored: an upsert always succeeds.</remarks>
    public Task<string> UpsertRowAsync(ReminderEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ThrowIfDefault(entry.GrainId);
        ArgumentNullException.ThrowIfNull(entry.ReminderName);
        var startAt = entry.StartAt.ToUniversalTime();
        startAt = startAt.AddTicks(-(startAt.Ticks % TimeSpan.TicksPerMicrosecond));
        var period = TimeSpan.FromMilliseconds(entry.Period.Ticks / TimeSpan.TicksPerMillisecond);
        lock (_lock)
        {
            var eTag = (++_lastVersion).ToString(CultureInfo.InvariantCulture);
            _rows[(entry.GrainId.Type, entry.GrainId.Key, entry.ReminderName)] =
                entry with { StartAt = startAt, Period = period, ETag = eTag };
            return Task.FromResult(eTag);
        }
    }

    /// <inheritdoc />
    public Task<bool> RemoveRowAsync(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken = default)
    {
        ThrowIfDefault(grainId);
        ArgumentNullException.ThrowIfNull(reminderName);
        ArgumentNullException.ThrowIfNull(eTag);
        var key = (grainId.Type, grainId.Key, reminderName);
        lock (_lock)
        {
            var removed = _rows.TryGetValue(key, out var row) && row.ETag == eTag && _rows.Remove(key);
            return Task.FromResult(removed);
        }
    }

    /// <inheritdoc />
    public Task ClearAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            _rows.Clear();
        }

        return Task.CompletedTask;
    }

    private static void ThrowIfDefault(GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is the default (empty) id.", nameof(grainId));
        }
    }
}
