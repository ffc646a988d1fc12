using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Grains.Demo;

/// <summary>A durable counter: every increment is written to storage before it is acknowledged.</summary>
[GrainType("demo-counter")]
public sealed class CounterGrain(
    [PersistentState("counter")] IPersistentState<CounterState> state,
    TimeProvider timeProvider) : Grain, ICounterGrain
{
    /// <summary>The largest step one call may add.</summary>
    public const long MaxStep = 1_000_000;

    /// <inheritdoc />
    public async Task<CounterSnapshot> Increment(long by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(by, MaxStep);
        state.State.Value = checked(state.State.Value + by);
        state.State.UpdatedAt = timeProvider.GetUtcNow();
        await state.WriteStateAsync();
        return Snapshot();
    }

    /// <inheritdoc />
    public Task<CounterSnapshot> Get() => Task.FromResult(Snapshot());

    private CounterSnapshot Snapshot() => new(this.GetPrimaryKeyString(), state.State.Value, state.ETag, state.State.UpdatedAt);
}
