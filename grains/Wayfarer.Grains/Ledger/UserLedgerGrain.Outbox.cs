using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Timers;

namespace Wayfarer.Grains.Ledger;

/// <summary>The outbox: charges persisted in the grain's state are written to <c>cost_tracking</c> shortly after each
/// charge (one group commit shared with other grains), and by a durable reminder after a crash.</summary>
/// <remarks>A committed charge leaves the outbox in memory at once and in storage with the next state write (or at
/// deactivation); if the silo dies in between, the charge is written again and <c>ON CONFLICT DO NOTHING</c> keeps one
/// row. The reminder stays registered while the stored outbox may hold charges.</remarks>
public sealed partial class UserLedgerGrain
{
    private const string OutboxReminder = "ledger-outbox";

    private IGrainTimer? _flushTimer;
    private bool _reminderRegistered;

    /// <summary>Whether the stored state still lists charges that were committed since.</summary>
    private bool _dirty;

    /// <inheritdoc />
    public async Task<int> Flush()
    {
        var written = await FlushOutboxAsync();
        await SettleAsync();
        return written;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != OutboxReminder)
        {
            return;
        }

        _reminderRegistered = true;
        await FlushOutboxAsync();
        await SettleAsync();
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        try
        {
            await FlushOutboxAsync(cancellationToken);
            await SettleAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The charges are in storage and the reminder is registered: the next activation flushes them.
            LedgerLog.OutboxFlushFailed(logger, exception, State.Outbox.Count);
        }
    }

    /// <summary>Commits the outbox to <c>cost_tracking</c>; returns how many charges were committed.</summary>
    private async Task<int> FlushOutboxAsync(CancellationToken cancellationToken = default)
    {
        if (State.Outbox.Count == 0)
        {
            return 0;
        }

        var pending = State.Outbox.ToList();
        var rows = pending.ConvertAll(c => new CostRecord(c.ChargeId, UserId, c.PlanId, c.ExecutionId, c.RunId, c.Provider, c.Model,
            c.PromptTokens, c.CompletionTokens, c.CostUsd, c.Category, c.At));
        await costs.WriteCostsAsync(rows, cancellationToken);
        var committed = pending.Select(c => c.ChargeId).ToHashSet();
        State.Outbox.RemoveAll(c => committed.Contains(c.ChargeId));
        _dirty = true;
        return pending.Count;
    }

    /// <summary>Once the outbox is empty: stores the state without the committed charges and drops the reminder.</summary>
    private async Task SettleAsync()
    {
        if (State.Outbox.Count > 0)
        {
            return;
        }

        if (_dirty && ledger.RecordExists)
        {
            await WriteAsync();
        }

        await UnregisterOutboxReminderAsync();
    }

    private void ScheduleFlush(TimeSpan delay)
    {
        if (_flushTimer is not null)
        {
            return;
        }

        _flushTimer = RegisterGrainTimer(FlushTickAsync, delay, Timeout.InfiniteTimeSpan);
    }

    /// <remarks>The one-shot timer is disposed only after the flush: disposing a timer cancels its running tick.</remarks>
    private async Task FlushTickAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushOutboxAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is LedgerWriteException or OperationCanceledException)
        {
            // Left in the outbox: the reminder, the next charge or deactivation tries again.
            LedgerLog.OutboxFlushFailed(logger, exception, State.Outbox.Count);
        }
        finally
        {
            _flushTimer?.Dispose();
            _flushTimer = null;
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (_reminderRegistered)
        {
            return;
        }

        var period = _options.OutboxReminderPeriod < reminderOptions.Value.MinimumReminderPeriod
            ? reminderOptions.Value.MinimumReminderPeriod
            : _options.OutboxReminderPeriod;
        try
        {
            await RegisterOrUpdateReminder(OutboxReminder, period, period);
            _reminderRegistered = true;
        }
        catch (Exception exception) when (exception is ReminderException or Npgsql.NpgsqlException or TimeoutException)
        {
            LedgerLog.OutboxReminderUnavailable(logger, exception);
        }
    }

    private async Task UnregisterOutboxReminderAsync()
    {
        if (!_reminderRegistered)
        {
            return;
        }

        if (await GetReminder(OutboxReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        _reminderRegistered = false;
    }
}
