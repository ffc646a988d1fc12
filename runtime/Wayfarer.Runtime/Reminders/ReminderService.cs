using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Activation;

namespace Wayfarer.Runtime.Reminders;

/// <summary>Keeps this silo's reminders ticking: loads them from the durable table at start and on every refresh,
/// arms one local timer per reminder, and delivers each tick as a call to <see cref="IRemindable.ReceiveReminder"/>
/// (which activates the grain if needed).</summary>
/// <remarks>A tick is delivered at least once per due time while the silo runs; ticks missed while no silo ran are
/// not replayed, the next one is due at the next multiple of the period (as in Orleans).</remarks>
internal sealed class ReminderService : IAsyncDisposable
{
    private readonly IReminderTable _table;
    private readonly SiloRuntime _runtime;
    private readonly ReminderOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(GrainId, string), LocalReminder> _local = new();
    private ITimer? _refreshTimer;
    private volatile bool _stopped;

    public ReminderService(IReminderTable table, SiloRuntime runtime, IOptions<ReminderOptions> options, ILoggerFactory loggerFactory)
    {
        _table = table;
        _runtime = runtime;
        _options = options.Value;
        _logger = loggerFactory.CreateLogger("Wayfarer.Runtime.Reminders");
    }

    private TimeProvider Time => _runtime.TimeProvider;

    /// <summary>Which reminders this silo ticks; in a cluster each reminder has one owner among the active silos.</summary>
    /// <value>Default: all.</value>
    public Func<GrainId, bool> Ownership { get; set; } = static _ => true;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _table.InitializeAsync(cancellationToken);
        await RefreshAsync(cancellationToken);
        _refreshTimer = Time.CreateTimer(static s => _ = ((ReminderService)s!).RefreshSafelyAsync(), this, _options.RefreshInterval, _options.RefreshInterval);
    }

    public Task StopAsync()
    {
        _stopped = true;
        _refreshTimer?.Dispose();
        foreach (var reminder in _local.Values)
        {
            reminder.Dispose();
        }

        _local.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public async Task<IGrainReminder> RegisterOrUpdateAsync(Grain grain, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrEmpty(reminderName);
        if (!grain.Activation.Type.IsRemindable)
        {
            throw new ReminderException($"{grain.GetType().Name} registers reminder '{reminderName}' but does not implement IRemindable.");
        }

        if (period < _options.MinimumReminderPeriod)
        {
            throw new ReminderException($"Reminder '{reminderName}' has period {period}, below the minimum {_options.MinimumReminderPeriod} ({ReminderOptions.SectionName}:{nameof(ReminderOptions.MinimumReminderPeriod)}); use a grain timer for short periods.");
        }

        if (dueTime < TimeSpan.Zero)
        {
            throw new ReminderException($"Reminder '{reminderName}' has a negative due time.");
        }

        var entry = new ReminderEntry { GrainId = grain.GrainId, ReminderName = reminderName, StartAt = Time.GetUtcNow() + dueTime, Period = period };
        var etag = await _table.UpsertRowAsync(entry);
        Schedule(entry with { ETag = etag });
        return new GrainReminder(reminderName, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        if (!await _table.RemoveRowAsync(grainId, reminder.ReminderName, reminder.ETag))
        {
            throw new ReminderException($"Reminder '{reminder.ReminderName}' of {grainId} was not removed: it is gone, or the handle is stale (the reminder was updated since).");
        }

        if (_local.TryRemove((grainId, reminder.ReminderName), out var local))
        {
            local.Dispose();
        }
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName)
        => await _table.ReadRowAsync(grainId, reminderName) is { ETag: { } etag } entry ? new GrainReminder(entry.ReminderName, etag) : null;

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId)
        => [.. (await _table.ReadRowsAsync(grainId)).Where(e => e.ETag is not null).Select(e => new GrainReminder(e.ReminderName, e.ETag!))];

    private async Task RefreshSafelyAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            Log.ReminderRefreshFailed(_logger, exception);
        }
    }

    /// <summary>Reconciles the local timers with the table: new and changed rows are (re)armed, removed rows stop.</summary>
    internal async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var rows = await _table.ReadAllAsync(cancellationToken);
        var seen = new HashSet<(GrainId, string)>();
        foreach (var row in rows.Where(r => Ownership(r.GrainId)))
        {
            seen.Add((row.GrainId, row.ReminderName));
            Schedule(row);
        }

        foreach (var key in _local.Keys)
        {
            if (!seen.Contains(key) && _local.TryRemove(key, out var gone))
            {
                gone.Dispose();
            }
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        if (_stopped || !Ownership(entry.GrainId))
        {
            return;
        }

        var key = (entry.GrainId, entry.ReminderName);
        if (_local.TryGetValue(key, out var existing))
        {
            if (existing.Entry.ETag == entry.ETag)
            {
                return;
            }

            existing.Dispose();
        }

        var local = new LocalReminder(this, entry);
        _local[key] = local;
        local.ArmNext();
    }

    private async Task TickAsync(LocalReminder reminder, DateTimeOffset due)
    {
        try
        {
            var grain = _runtime.GetGrain<IRemindable>(reminder.Entry.GrainId);
            await grain.ReceiveReminder(reminder.Entry.ReminderName, new TickStatus(reminder.Entry.StartAt, reminder.Entry.Period, due));
        }
        catch (Exception exception)
        {
            Log.ReminderTickFailed(_logger, exception, reminder.Entry.GrainId, reminder.Entry.ReminderName);
        }
    }

    private sealed class LocalReminder(ReminderService service, ReminderEntry entry) : IDisposable
    {
        private readonly Lock _lock = new();
        private ITimer? _timer;
        private bool _disposed;

        public ReminderEntry Entry { get; } = entry;

        public void ArmNext()
        {
            var now = service.Time.GetUtcNow();
            var due = Entry.StartAt;
            if (due < now && Entry.Period > TimeSpan.Zero)
            {
                var periods = (long)Math.Ceiling((now - Entry.StartAt).Ticks / (double)Entry.Period.Ticks);
                due = Entry.StartAt + TimeSpan.FromTicks(Entry.Period.Ticks * periods);
            }

            var delay = due - now;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                _timer?.Dispose();
                _timer = service.Time.CreateTimer(static s => { var (r, d) = ((LocalReminder, DateTimeOffset))s!; _ = r.FireAsync(d); }, (this, due), delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
            }
        }

        private async Task FireAsync(DateTimeOffset due)
        {
            await service.TickAsync(this, due);
            if (Entry.Period > TimeSpan.Zero)
            {
                // Never tick twice for one due time, even when the callback ran faster than the clock's resolution.
                var next = due + Entry.Period;
                var now = service.Time.GetUtcNow();
                lock (_lock)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    _timer?.Dispose();
                    var wait = next > now ? next - now : TimeSpan.Zero;
                    _timer = service.Time.CreateTimer(static s => { var (r, d) = ((LocalReminder, DateTimeOffset))s!; _ = r.FireAsync(d); }, (this, next), wait, Timeout.InfiniteTimeSpan);
                }
            }
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _disposed = true;
                _timer?.Dispose();
            }
        }
    }
}
