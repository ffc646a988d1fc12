using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime.Tests.Grains;

public sealed class StateGrain([PersistentState("counter")] IPersistentState<CounterState> state) : Grain, IStateGrain
{
    private int _valueSeenAtActivation = -1;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _valueSeenAtActivation = state.State.Value;
        return Task.CompletedTask;
    }

    public Task<StateSnapshot> Read() => Task.FromResult(Snapshot());

    public async Task<StateSnapshot> Add(int amount, string? note = null)
    {
        state.State.Value += amount;
        state.State.Note = note;
        await state.WriteStateAsync();
        return Snapshot();
    }

    public async Task<StateSnapshot> Clear()
    {
        await state.ClearStateAsync();
        return Snapshot();
    }

    private StateSnapshot Snapshot() => new(state.State.Value, state.State.Note, state.ETag, state.RecordExists, ActivationId.Value, _valueSeenAtActivation);
}

/// <summary>A second grain type using the same state name, to prove grain types never share storage keys.</summary>
public sealed class OtherStateGrain : Grain<CounterState>, IOtherStateGrain
{
    public Task<StateSnapshot> Read() => Task.FromResult(Snapshot());

    public async Task<StateSnapshot> Add(int amount, string? note = null)
    {
        State.Value += amount;
        State.Note = note;
        await WriteStateAsync();
        return Snapshot();
    }

    private StateSnapshot Snapshot() => new(State.Value, State.Note, null, true, ActivationId.Value, -1);
}
