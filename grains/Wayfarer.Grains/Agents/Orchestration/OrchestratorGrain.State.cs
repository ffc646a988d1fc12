using System.Text.Json;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Agents.Orchestration;

public sealed partial class OrchestratorGrain
{
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
        if (_sequenceGapRun == run.Id)
        {
            sequence += ResumedSequenceGap;
            _sequenceGapRun = null;
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
}
