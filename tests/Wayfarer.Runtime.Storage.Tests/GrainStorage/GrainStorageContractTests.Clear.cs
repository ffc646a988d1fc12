using Wayfarer.Runtime.Storage.Tests.States;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

/// <content>Clearing: tombstones and their ETags.</content>
public abstract partial class GrainStorageContractTests
{
    [Fact]
    public async Task ClearResetsTheStateAndReadsAsMissingWithANewETag()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);
        var read = await ReadAsync<TripState>(storage, grainId);

        Assert.False(state.RecordExists);
        Assert.Equal(string.Empty, state.State.Name);
        Assert.False(read.RecordExists);
        Assert.Equal(string.Empty, read.State.Name);
        Assert.NotNull(read.ETag);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task ClearedRecordCannotBeOverwrittenWithTheOldETag()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var clearer = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, clearer);
        var oldETag = clearer.ETag;
        await storage.ClearStateAsync(StateName, grainId, clearer);

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()) { ETag = oldETag }));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon())));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()) { ETag = oldETag }));

        var read = await ReadAsync<TripState>(storage, grainId);
        Assert.False(read.RecordExists);
        Assert.Equal(clearer.ETag, read.ETag);
    }

    [Fact]
    public async Task WriteNamingTheTombstoneETagRevivesTheRecord()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.ClearStateAsync(StateName, grainId, state);
        var reader = await ReadAsync<TripState>(storage, grainId);

        reader.State.Name = "Porto";
        await storage.WriteStateAsync(StateName, grainId, reader);

        var read = await ReadAsync<TripState>(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal("Porto", read.State.Name);
    }

    [Fact]
    public async Task ClearingANeverWrittenRecordLeavesATombstoneThatFencesNewWriters()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.NotNull(state.ETag);
        Assert.False(state.RecordExists);
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon())));
        state.State = Lisbon();
        await storage.WriteStateAsync(StateName, grainId, state);
        Assert.True((await ReadAsync<TripState>(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task StaleETagClearIsRejectedAndStoredStateIsUnchanged()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, state);
        var staleETag = state.ETag;
        await storage.WriteStateAsync(StateName, grainId, state);
        var stale = new GrainState<TripState>(Lisbon()) { ETag = staleETag, RecordExists = true };

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(StateName, grainId, stale));

        Assert.Equal(grainId, exception.GrainId);
        Assert.Equal(StateName, exception.StateName);
        Assert.Equal("Lisbon", stale.State.Name);
        var read = await ReadAsync<TripState>(storage, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
    }
}
