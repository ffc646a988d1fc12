using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Orchestration;

public sealed partial class OrchestratorGrain
{
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
        while (_stopRequest is null && !_deactivating && !_erasing)
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
        // The cancellation source exists before the first await, so an interrupt, rollback, cancel or erasure that
        // arrives while this attempt is starting cancels it instead of waiting for the whole run.
        using var cancellation = new CancellationTokenSource();
        _runCancellation = cancellation;
        if (_stopRequest?.RunId == run.Id || _erasing || _deactivating)
        {
            cancellation.Cancel();
        }

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
            _sequenceGapRun = run.Id;
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token);
        timeout.CancelAfter(run.StartedAt.Value + Options.MaxRunDuration - timeProvider.GetUtcNow() is { Ticks: > 0 } left ? left : TimeSpan.Zero);
        var execution = new RunExecution(run, this.GetPrimaryKeyString(), userId, state.State.PlanId!, GrainFactory, Emit, CheckpointAsync, timeout.Token);
        try
        {
            while (run.Step < RunPipeline.Steps.Count)
            {
                timeout.Token.ThrowIfCancellationRequested();
                var step = RunPipeline.Steps[run.Step];
                await RunStepAsync(run, step, execution, timeout.Token);
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
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            await FinishAsync(run, RunStatus.Failed, "run_timeout", $"The run did not finish within {Options.MaxRunDuration.TotalMinutes:0} minutes.");
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
        Compact(run);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} resumed (attempt {Attempt}) at step {Step} on {Silo}")]
    private static partial void LogResumed(ILogger logger, Guid runId, int attempt, int step, string? silo);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, Guid runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The run loop stopped at run {RunId}; the watchdog will retry from the last checkpoint")]
    private static partial void LogLoopFailed(ILogger logger, Exception exception, Guid runId);

    /// <summary>A finished run keeps what its view and an undo need; the model transcript, resolved cities, draft
    /// itinerary and streamed text deltas go (they are in the ledgers and the plan), so the state stays small.</summary>
    private static void Compact(RunState run)
    {
        run.Checkpoint.Transcript = null;
        run.Checkpoint.Resolved = null;
        run.Checkpoint.Itinerary = null;
        run.Checkpoint.Budget = null;
        run.Events.RemoveAll(e => e.Type == "partial_text");
    }
}
