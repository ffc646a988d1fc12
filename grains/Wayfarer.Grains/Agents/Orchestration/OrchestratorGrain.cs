using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Orchestration;

/// <summary>A session's orchestrator. One run executes at a time, in the background on this activation's scheduler;
/// every completed step is checkpointed in the grain state, and a durable watchdog reminder resumes a run whose
/// activation was lost (its silo died) from the last checkpoint on whichever silo the reminder fires, or ends it as
/// failed after too many attempts or too long.</summary>
[GrainType("agent-orchestrator")]
public sealed partial class OrchestratorGrain(
    [PersistentState("orchestrator")] IPersistentState<OrchestratorState> state,
    RunPipeline pipeline,
    ILedgerWriter ledger,
    AgentMetrics metrics,
    IRuntimeDiagnostics diagnostics,
    IOptions<AgentOptions> options,
    IOptions<ReminderOptions> reminderOptions,
    TimeProvider timeProvider,
    ILogger<OrchestratorGrain> logger) : Grain, IOrchestratorGrain, IRemindable
{
    /// <summary>The watchdog reminder's name.</summary>
    public const string WatchdogReminder = "run-watchdog";

    private const int MaxEventsPerRun = 2_000;
    private const int ResumedSequenceGap = 10_000;
    private static readonly TimeSpan MaxWatchWait = TimeSpan.FromSeconds(25);

    private Task? _loop;
    private CancellationTokenSource? _runCancellation;
    private (Guid RunId, bool Rollback)? _stopRequest;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _watchdogRegistered;
    private bool _deactivating;
    private bool _erasing;
    private Guid? _sequenceGapRun;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _commandLock = new(1, 1);

    private AgentOptions Options => options.Value;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run that was going when its previous activation vanished (a silo crash) resumes right away.
        if (ActiveRun is { Status: RunStatus.Running })
        {
            StartLoop(resuming: true);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The run stays "running" in the state: the next activation (a watchdog tick or a call) resumes it from its
        // last checkpoint. Stop this activation's copy without recording anything, and wait for it to stop, so it
        // cannot finish an effect (a plan version, a message) while the next activation repeats the step.
        _deactivating = true;
        _runCancellation?.Cancel();
        if (_loop is { IsCompleted: false } loop)
        {
            try
            {
                await loop.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The runtime's deactivation deadline passed; the ETag fences any write the old loop still tries.
            }
        }
    }

    /// <inheritdoc />
    public async Task<SubmitResult> Submit(RunRequest request)
    {
        await _commandLock.WaitAsync();
        try
        {
            return await SubmitCore(request);
        }
        finally
        {
            _commandLock.Release();
        }
    }

    private async Task<SubmitResult> SubmitCore(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(request.UserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Message);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Message.Length, Sessions.AgentSessionGrain.MaxMessageLength);
        if (!await OwnsSessionAsync(request.UserId))
        {
            return new SubmitResult(SubmitOutcome.NotFound, Guid.Empty, null, "No such session.");
        }

        // Busy while a run is going or messages wait in the queue (between two queued runs there is a moment with
        // no active run: a new message must not jump the queue then, nor slip past "reject").
        var active = ActiveRun ?? (state.State.Queue.Count > 0 ? FindRun(state.State.Queue[0]) : null);
        if (active is not null)
        {
            switch (request.Policy)
            {
                case DoubleTextPolicy.Reject:
                    return new SubmitResult(SubmitOutcome.Rejected, Guid.Empty, active.Id,
                        $"Run {active.Id} is still {active.Status.ToWire()}; send the message with policy enqueue, interrupt or rollback, or wait for it to end.");
                case DoubleTextPolicy.Enqueue:
                    if (state.State.Queue.Count >= Options.MaxQueuedRuns)
                    {
                        return new SubmitResult(SubmitOutcome.QueueFull, Guid.Empty, active.Id, $"{Options.MaxQueuedRuns} messages are already queued.");
                    }

                    var queued = NewRun(request, RunStatus.Queued);
                    state.State.Queue.Add(queued.Id);
                    Emit(queued, "run_queued", new { position = state.State.Queue.Count, behind = active.Id });
                    await WriteStateAsync();
                    await WriteRunRecordAsync(queued);
                    return new SubmitResult(SubmitOutcome.Queued, queued.Id, active.Id, null);
                default:
                    if (ActiveRun is { } running)
                    {
                        await StopActiveRunAsync(running, request.Policy == DoubleTextPolicy.Rollback);
                    }

                    break;
            }
        }

        // The watchdog first: a run is never persisted as running without one.
        await EnsureWatchdogAsync();
        var run = NewRun(request, RunStatus.Running);
        var previous = state.State.ActiveRunId;
        state.State.ActiveRunId = run.Id;
        try
        {
            await WriteStateAsync();
        }
        catch
        {
            // Not persisted: forget it here too, so the session does not look busy with a run that will never go.
            state.State.Runs.Remove(run);
            state.State.ActiveRunId = previous;
            throw;
        }

        StartLoop(resuming: false);
        return new SubmitResult(SubmitOutcome.Started, run.Id, active?.Id, null);
    }

    /// <inheritdoc />
    public async Task<RunView?> Watch(string userId, Guid runId, int afterSequence, TimeSpan wait)
    {
        var limit = wait > MaxWatchWait ? MaxWatchWait : wait;
        var deadline = timeProvider.GetUtcNow() + limit;
        using var stop = new CancellationTokenSource();
        // One timer for the whole call, not one per wake-up.
        var expired = limit > TimeSpan.Zero ? Task.Delay(limit, timeProvider, stop.Token) : Task.CompletedTask;
        while (true)
        {
            var run = FindRun(runId);
            if (run is null || !string.Equals(state.State.UserId, userId, StringComparison.Ordinal))
            {
                await stop.CancelAsync();
                return null;
            }

            if (run.Status.IsTerminal() || run.Events.Count > 0 && run.Events[^1].Sequence > afterSequence || expired.IsCompleted || timeProvider.GetUtcNow() >= deadline)
            {
                await stop.CancelAsync();
                return View(run, afterSequence);
            }

            await Task.WhenAny(_changed.Task, expired);
        }
    }

    /// <inheritdoc />
    public async Task<bool> Cancel(string userId, Guid runId)
    {
        await _commandLock.WaitAsync();
        try
        {
            return await CancelCore(userId, runId);
        }
        finally
        {
            _commandLock.Release();
        }
    }

    private async Task<bool> CancelCore(string userId, Guid runId)
    {
        var run = FindRun(runId);
        if (run is null || !string.Equals(state.State.UserId, userId, StringComparison.Ordinal) || run.Status.IsTerminal())
        {
            return false;
        }

        if (run.Status == RunStatus.Queued)
        {
            state.State.Queue.Remove(run.Id);
            await FinishAsync(run, RunStatus.Cancelled, null, null);
            return true;
        }

        await StopActiveRunAsync(run, rollback: false);
        if (state.State.Queue.Count > 0)
        {
            StartLoop(resuming: false);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<bool> Forget(string userId)
    {
        await _commandLock.WaitAsync();
        try
        {
            return await ForgetCore(userId);
        }
        finally
        {
            _commandLock.Release();
        }
    }

    private async Task<bool> ForgetCore(string userId)
    {
        if (state.State.UserId is null || !string.Equals(state.State.UserId, userId, StringComparison.Ordinal))
        {
            return false;
        }

        // Nothing more about this user goes to the ledgers (their rows are erased after this).
        _erasing = true;
        if (ActiveRun is { } active)
        {
            await StopActiveRunAsync(active, rollback: false);
        }

        _runCancellation?.Cancel();
        if (_loop is { IsCompleted: false } loop)
        {
            await loop;
        }

        // Rows this session's agents wrote are still in this silo's batch buffer: commit them now, so the ledger
        // erasure that follows deletes them too.
        await ledger.FlushAsync();

        if (await GetReminder(WatchdogReminder) is { } reminder)
        {
            await UnregisterReminder(reminder);
        }

        _watchdogRegistered = false;
        await _writeLock.WaitAsync();
        try
        {
            await state.ClearStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }

        DeactivateOnIdle();
        return true;
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WatchdogReminder)
        {
            return;
        }

        // One at a time with submissions: a submission must never see its new run's watchdog unregistered.
        await _commandLock.WaitAsync();
        try
        {
            await WatchdogTickAsync();
        }
        finally
        {
            _commandLock.Release();
        }
    }

    private async Task WatchdogTickAsync()
    {
        if (ActiveRun is null && state.State.Queue.Count == 0)
        {
            // Storage must say what memory says before the watchdog goes (a run's last write may have failed).
            await WriteStateAsync();
            if (await GetReminder(WatchdogReminder) is { } reminder)
            {
                await UnregisterReminder(reminder);
            }

            _watchdogRegistered = false;
            return;
        }

        if (_loop is null || _loop.IsCompleted)
        {
            StartLoop(resuming: ActiveRun is { Attempt: > 0 });
        }
    }
}
