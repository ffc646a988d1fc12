using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents.Models;
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
    private bool _sequenceGap;
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
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The run stays "running" in the state: the next activation (a watchdog tick or a call) resumes it from its
        // last checkpoint. Stop this activation's copy without recording anything.
        _deactivating = true;
        _runCancellation?.Cancel();
        return Task.CompletedTask;
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

        var active = ActiveRun;
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
                    await StopActiveRunAsync(active, request.Policy == DoubleTextPolicy.Rollback);
                    break;
            }
        }

        var run = NewRun(request, RunStatus.Running);
        state.State.ActiveRunId = run.Id;
        await WriteStateAsync();
        await EnsureWatchdogAsync();
        StartLoop(resuming: false);
        return new SubmitResult(SubmitOutcome.Started, run.Id, active?.Id, null);
    }

    /// <inheritdoc />
    public async Task<RunView?> Watch(string userId, Guid runId, int afterSequence, TimeSpan wait)
    {
        var deadline = timeProvider.GetUtcNow() + (wait > MaxWatchWait ? MaxWatchWait : wait);
        while (true)
        {
            var run = FindRun(runId);
            if (run is null || !string.Equals(state.State.UserId, userId, StringComparison.Ordinal))
            {
                return null;
            }

            var remaining = deadline - timeProvider.GetUtcNow();
            if (run.Status.IsTerminal() || run.Events.Count > 0 && run.Events[^1].Sequence > afterSequence || remaining <= TimeSpan.Zero)
            {
                return View(run, afterSequence);
            }

            var changed = _changed.Task;
            await Task.WhenAny(changed, Task.Delay(remaining, timeProvider));
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

        // Nothing more about this user goes to the ledgers (their rows are being erased).
        _erasing = true;
        if (ActiveRun is { } active)
        {
            await StopActiveRunAsync(active, rollback: false);
        }

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

    private RunState? ActiveRun => state.State.ActiveRunId is { } id && FindRun(id) is { } run && !run.Status.IsTerminal() ? run : null;

    private RunState? FindRun(Guid id) => state.State.Runs.Find(r => r.Id == id);

    private async Task<bool> OwnsSessionAsync(string userId)
    {
        if (state.State.UserId is null)
        {
            var session = await GrainFactory.GetGrain<IAgentSessionGrain>(this.GetPrimaryKeyString()).Get(userId);
            if (session.Value is null)
            {
                return false;
            }

            state.State.UserId = session.Value.UserId;
            state.State.PlanId = session.Value.PlanId;
        }

        return string.Equals(state.State.UserId, userId, StringComparison.Ordinal);
    }

    private RunState NewRun(RunRequest request, RunStatus status)
    {
        var now = timeProvider.GetUtcNow();
        var run = new RunState { Id = Guid.CreateVersion7(now), Request = request, Status = status, CreatedAt = now };
        state.State.Runs.Add(run);
        var finished = state.State.Runs.Where(r => r.Status.IsTerminal()).ToList();
        foreach (var old in finished.Take(Math.Max(0, finished.Count - Options.RecentRunsKept)))
        {
            state.State.Runs.Remove(old);
        }

        return run;
    }

    /// <summary>Makes the first queued run the active one; false (and no active run) when the queue is empty.</summary>
    private bool PromoteNext()
    {
        while (state.State.Queue.Count > 0)
        {
            var next = FindRun(state.State.Queue[0]);
            state.State.Queue.RemoveAt(0);
            if (next is { Status: RunStatus.Queued })
            {
                next.Status = RunStatus.Running;
                state.State.ActiveRunId = next.Id;
                return true;
            }
        }

        state.State.ActiveRunId = null;
        return false;
    }

    private void StartLoop(bool resuming)
    {
        if (_loop is { IsCompleted: false })
        {
            return;
        }

        _loop = LoopAsync(resuming);
    }

    /// <summary>Runs the active run, then each queued one, until there is none or a stop is requested. A run submitted
    /// while the loop is finishing another is picked up by the same loop.</summary>
    private async Task LoopAsync(bool resuming)
    {
        // Let the turn that started the loop finish first.
        await Task.Yield();
        while (_stopRequest is null && !_deactivating)
        {
            if (ActiveRun is not { } run)
            {
                PromoteNext();
                await WriteStateAsync();
                if (ActiveRun is null && state.State.Queue.Count == 0)
                {
                    return;
                }

                // A queued run was promoted, or one was submitted while the state was being written.
                continue;
            }

            try
            {
                await ExecuteAsync(run, resuming);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Storage failures while finishing: the watchdog retries from the last checkpoint.
                LogLoopFailed(logger, exception, run.Id);
                return;
            }

            resuming = false;
        }
    }

    private async Task ExecuteAsync(RunState run, bool resuming)
    {
        var userId = state.State.UserId!;
        AgentContext.Set(run.Id, userId, state.State.PlanId);
        using var activity = AgentMetrics.ActivitySource.StartActivity("agents.run");
        activity?.SetTag("wayfarer.run_id", run.Id.ToString());
        activity?.SetTag("wayfarer.session_id", this.GetPrimaryKeyString());
        var now = timeProvider.GetUtcNow();
        run.Attempt++;
        run.Silo = diagnostics.SiloName;
        run.StartedAt ??= now;
        var resumed = resuming || run.Attempt > 1;
        if (resumed)
        {
            // Events emitted after the last checkpoint died with the old activation; a watcher may have seen their
            // sequence numbers, so the resumed attempt's events continue well above them.
            _sequenceGap = true;
            if (run.StepStartedAt is { } interruptedAt && run.Step < RunPipeline.Steps.Count)
            {
                // The step that was going when the previous attempt died: its task row ends as interrupted.
                var step = RunPipeline.Steps[run.Step];
                await ledger.WriteAsync(new AgentTaskRecord(RunPipeline.TaskId(run.Id, run.Step, run.Attempt - 1), run.Id, userId, run.Step + 1, step.Name, step.Agent,
                    "interrupted", null, null, "The silo running this step stopped; the run resumed from its last checkpoint.", interruptedAt, now));
                run.StepStartedAt = null;
            }
        }

        if (run.Attempt > Options.MaxRunAttempts)
        {
            run.Attempt--;
            await FinishAsync(run, RunStatus.Failed, "run_interrupted",
                $"The run was interrupted {run.Attempt} time(s) (its silo stopped) and was given up; send the message again.");
            return;
        }

        if (now - run.StartedAt.Value > Options.MaxRunDuration)
        {
            await FinishAsync(run, RunStatus.Failed, "run_timeout", $"The run did not finish within {Options.MaxRunDuration.TotalMinutes:0} minutes.");
            return;
        }

        if (resumed)
        {
            metrics.Resumed.Add(1);
            Emit(run, "run_resumed", new { attempt = run.Attempt, step = RunPipeline.Steps[Math.Min(run.Step, RunPipeline.Steps.Count - 1)].Name, silo = run.Silo });
            LogResumed(logger, run.Id, run.Attempt, run.Step, run.Silo);
        }
        else
        {
            Emit(run, "run_started", new { runId = run.Id, kind = run.Request.Kind, policy = run.Request.Policy, mode = run.Request.Mode, silo = run.Silo });
        }

        // Each step's start time is persisted with the checkpoint before it (so a resumed run can close the task row
        // of a step that was going when its silo died), which costs no extra write.
        run.StepStartedAt = timeProvider.GetUtcNow();
        await WriteStateAsync();
        await WriteRunRecordAsync(run);
        using var cancellation = new CancellationTokenSource();
        _runCancellation = cancellation;
        var execution = new RunExecution(run, this.GetPrimaryKeyString(), userId, state.State.PlanId!, GrainFactory, Emit, CheckpointAsync, cancellation.Token);
        try
        {
            while (run.Step < RunPipeline.Steps.Count)
            {
                cancellation.Token.ThrowIfCancellationRequested();
                var step = RunPipeline.Steps[run.Step];
                await RunStepAsync(run, step, execution, cancellation.Token);
                run.Step++;
                run.StepStartedAt = timeProvider.GetUtcNow();
                await CheckpointAsync();
            }

            await FinishAsync(run, RunStatus.Succeeded, null, null);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && _deactivating)
        {
            return;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            var rollback = _stopRequest is { Rollback: true };
            if (rollback)
            {
                await pipeline.UndoAsync(execution, CancellationToken.None);
            }

            await FinishAsync(run, rollback ? RunStatus.RolledBack : RunStatus.Cancelled, null, null);
        }
        catch (RunFailedException exception)
        {
            await FinishAsync(run, RunStatus.Failed, exception.Code, exception.Message);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not InconsistentStateException)
        {
            LogRunFailed(logger, exception, run.Id);
            await FinishAsync(run, RunStatus.Failed, "internal_error", "The agents failed unexpectedly; the error is in the silo log.");
        }
        finally
        {
            _runCancellation = null;
        }
    }

    private async Task RunStepAsync(RunState run, RunStep step, RunExecution execution, CancellationToken cancellationToken)
    {
        var taskId = RunPipeline.TaskId(run.Id, run.Step, run.Attempt);
        var started = run.StepStartedAt ?? timeProvider.GetUtcNow();
        var timer = Stopwatch.GetTimestamp();
        using var activity = AgentMetrics.ActivitySource.StartActivity("agents.step." + step.Name);
        Emit(run, "agent_started", new { agent = step.Agent, step = step.Name });
        await ledger.WriteAsync(new AgentTaskRecord(taskId, run.Id, execution.UserId, run.Step + 1, step.Name, step.Agent, "running", null, null, null, started, null), cancellationToken);
        try
        {
            var output = await pipeline.ExecuteAsync(step, execution, cancellationToken);
            Emit(run, "agent_finished", new { agent = step.Agent, step = step.Name, ms = Math.Round(Stopwatch.GetElapsedTime(timer).TotalMilliseconds, 1) });
            await ledger.WriteAsync(new AgentTaskRecord(taskId, run.Id, execution.UserId, run.Step + 1, step.Name, step.Agent, "succeeded",
                null, output, null, started, timeProvider.GetUtcNow()), CancellationToken.None);
        }
        catch (Exception exception)
        {
            var status = exception is OperationCanceledException ? "cancelled" : "failed";
            if (!_erasing)
            {
                await ledger.WriteAsync(new AgentTaskRecord(taskId, run.Id, execution.UserId, run.Step + 1, step.Name, step.Agent, status,
                    null, null, exception.Message, started, timeProvider.GetUtcNow()), CancellationToken.None);
            }

            throw;
        }
    }

    private async Task StopActiveRunAsync(RunState active, bool rollback)
    {
        if (_loop is { IsCompleted: false } loop)
        {
            _stopRequest = (active.Id, rollback);
            _runCancellation?.Cancel();
            try
            {
                await loop;
            }
            finally
            {
                _stopRequest = null;
            }
        }

        if (!active.Status.IsTerminal())
        {
            // Not executing here (e.g. waiting for the watchdog after a crash): stop it from its checkpoint.
            if (rollback)
            {
                await pipeline.UndoAsync(new RunExecution(active, this.GetPrimaryKeyString(), state.State.UserId!, state.State.PlanId!, GrainFactory, Emit, CheckpointAsync,
                    CancellationToken.None), CancellationToken.None);
            }

            await FinishAsync(active, rollback ? RunStatus.RolledBack : RunStatus.Cancelled, null, null);
        }

        if (state.State.ActiveRunId == active.Id)
        {
            state.State.ActiveRunId = null;
        }
    }

    private async Task FinishAsync(RunState run, RunStatus status, string? code, string? error)
    {
        var now = timeProvider.GetUtcNow();
        run.Status = status;
        run.ErrorCode = code;
        run.Error = error;
        run.FinishedAt = now;
        // Queued for the ledger before anyone watching can see the run end.
        await WriteRunRecordAsync(run);
        Emit(run, "run_" + status.ToWire(), new
        {
            status = status.ToWire(),
            reply = run.Checkpoint.Reply,
            planVersion = run.Checkpoint.SavedVersion,
            costUsd = run.CostUsd,
            error,
            code,
        });
        await WriteStateAsync();
        metrics.Runs.Add(1, new KeyValuePair<string, object?>("status", status.ToWire()), new KeyValuePair<string, object?>("mode", run.Mode));
        if (run.StartedAt is { } started)
        {
            metrics.RunDuration.Record((now - started).TotalMilliseconds, new KeyValuePair<string, object?>("mode", run.Mode));
        }
    }

    private async Task CheckpointAsync()
    {
        await WriteStateAsync();
        Signal();
    }

    /// <summary>Writes the state, one write at a time: the run loop and interleaving calls both write, and two writes in
    /// flight at once would race on the ETag. Each write stores the whole state as it is when it starts.</summary>
    private async Task WriteStateAsync()
    {
        await _writeLock.WaitAsync();
        try
        {
            await state.WriteStateAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void Emit(RunState run, string type, object data)
    {
        if (run.Events.Count >= MaxEventsPerRun)
        {
            run.Events.RemoveAt(run.Events.FindIndex(e => e.Type == "partial_text") is var i and >= 0 ? i : 0);
        }

        var sequence = run.Events.Count == 0 ? 1 : run.Events[^1].Sequence + 1;
        if (_sequenceGap)
        {
            sequence += ResumedSequenceGap;
            _sequenceGap = false;
        }

        run.Events.Add(new RunEvent(sequence, type, timeProvider.GetUtcNow(), JsonSerializer.Serialize(data, AgentJson.Options)));
        Signal();
    }

    private void Signal()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }

    private async Task EnsureWatchdogAsync()
    {
        if (_watchdogRegistered)
        {
            return;
        }

        // Never below the runtime's minimum reminder period (which would refuse the registration).
        var period = Options.RunWatchdogPeriod < reminderOptions.Value.MinimumReminderPeriod ? reminderOptions.Value.MinimumReminderPeriod : Options.RunWatchdogPeriod;
        await RegisterOrUpdateReminder(WatchdogReminder, period, period);
        _watchdogRegistered = true;
    }

    private ValueTask WriteRunRecordAsync(RunState run) =>
        _erasing ? ValueTask.CompletedTask : ledger.WriteAsync(new AgentRunRecord(run.Id, this.GetPrimaryKeyString(), state.State.UserId!, state.State.PlanId, run.Status.ToWire(), run.Mode,
            run.Request.Message, run.Checkpoint.Reply, run.Checkpoint.SavedVersion, run.PromptTokens, run.CompletionTokens, run.CostUsd, run.Attempt,
            run.Error, run.CreatedAt, run.FinishedAt));

    private RunView View(RunState run, int afterSequence) =>
        new(run.Id, this.GetPrimaryKeyString(), state.State.PlanId, run.Request.Kind, run.Status, run.Mode, run.Provider, run.Model, run.Checkpoint.Reply,
            run.Checkpoint.SavedVersion, [.. run.Checkpoint.Issues], run.PromptTokens, run.CompletionTokens, run.CostUsd, run.Attempt, run.Error, run.ErrorCode,
            run.Silo, run.CreatedAt, run.FinishedAt, [.. run.Events.Where(e => e.Sequence > afterSequence)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} resumed (attempt {Attempt}) at step {Step} on {Silo}")]
    private static partial void LogResumed(ILogger logger, Guid runId, int attempt, int step, string? silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run loop stopped at run {RunId}; the watchdog will retry from the last checkpoint")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, Guid runId);
}
