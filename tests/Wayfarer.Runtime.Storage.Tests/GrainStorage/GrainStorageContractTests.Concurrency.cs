using Wayfarer.Runtime.Storage.Tests.States;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

/// <content>Concurrent writers: optimistic concurrency has exactly one winner.</content>
public abstract partial class GrainStorageContractTests
{
    private const int Writers = 20;

    [Fact]
    public async Task ConcurrentFirstInsertsHaveExactlyOneWinner()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var states = Enumerable.Range(0, Writers)
            .Select(i => new GrainState<TripState>(new TripState { Name = $"writer {i}", Nights = i }))
            .ToList();

        var outcomes = await StartGate.RunTogetherAsync(Writers, i => storage.WriteStateAsync(StateName, grainId, states[i]));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i] is null);
        Assert.All(outcomes.Where(outcome => outcome is not null), outcome => Assert.IsType<InconsistentStateException>(outcome));
        var stored = await ReadAsync<TripState>(storage, grainId);
        Assert.Equal($"writer {winner}", stored.State.Name);
        Assert.Equal(states[winner].ETag, stored.ETag);
    }

    [Fact]
    public async Task ConcurrentWritesNamingTheSameETagHaveExactlyOneWinner()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var initial = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, initial);
        var states = Enumerable.Range(0, Writers)
            .Select(i => new GrainState<TripState>(new TripState { Name = $"writer {i}" }) { ETag = initial.ETag, RecordExists = true })
            .ToList();

        var outcomes = await StartGate.RunTogetherAsync(Writers, i => storage.WriteStateAsync(StateName, grainId, states[i]));

        var winner = Assert.Single(Enumerable.Range(0, Writers), i => outcomes[i] is null);
        Assert.All(outcomes.Where(outcome => outcome is not null), outcome => Assert.IsType<InconsistentStateException>(outcome));
        Assert.Equal($"writer {winner}", (await ReadAsync<TripState>(storage, grainId)).State.Name);
    }

    [Fact]
    public async Task WritesToDifferentGrainsDoNotConflict()
    {
        var storage = NewStorage();
        var grainIds = Enumerable.Range(0, Writers).Select(_ => NewGrainId()).ToList();

        var outcomes = await StartGate.RunTogetherAsync(
            Writers,
            i => storage.WriteStateAsync(StateName, grainIds[i], new GrainState<TripState>(new TripState { Nights = i })));

        Assert.All(outcomes, Assert.Null);
        for (var i = 0; i < Writers; i++)
        {
            Assert.Equal(i, (await ReadAsync<TripState>(storage, grainIds[i])).State.Nights);
        }
    }
}
