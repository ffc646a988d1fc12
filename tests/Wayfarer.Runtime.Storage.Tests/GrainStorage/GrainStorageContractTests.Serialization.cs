using Wayfarer.Runtime.Storage.Tests.States;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

/// <content>What is stored: copies, schema evolution and state types.</content>
public abstract partial class GrainStorageContractTests
{
    [Fact]
    public async Task AddingAFieldToTheStateTypeStillReadsOldData()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()));

        var read = await ReadAsync<TripStateWithBudget>(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal("Lisbon", read.State.Name);
        Assert.Equal(["Alfama", "Belém"], read.State.Stops);
        Assert.Equal(500m, read.State.Budget);
        read.State.Budget = 750m;
        await storage.WriteStateAsync(StateName, grainId, read);
        Assert.Equal(750m, (await ReadAsync<TripStateWithBudget>(storage, grainId)).State.Budget);
    }

    [Fact]
    public async Task RemovingAFieldFromTheStateTypeStillReadsNewerData()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripStateWithBudget>(new TripStateWithBudget { Name = "Lisbon", Budget = 900m }));

        var read = await ReadAsync<TripNameOnly>(storage, grainId);

        Assert.Equal("Lisbon", read.State.Name);
    }

    [Fact]
    public async Task StoredStateIsACopyNotAReference()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var written = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, written);

        written.State.Name = "changed after the write";
        written.State.Stops.Add("Sintra");
        var first = await ReadAsync<TripState>(storage, grainId);
        first.State.Stops.Clear();
        var second = await ReadAsync<TripState>(storage, grainId);

        Assert.Equal("Lisbon", second.State.Name);
        Assert.Equal(["Alfama", "Belém"], second.State.Stops);
        Assert.NotSame(first.State, second.State);
    }

    [Fact]
    public async Task MissingRecordReadsAsANewStateForStringsArraysAndValueTypes()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var text = new GrainState<string>("left over");
        var numbers = new GrainState<int[]>([1, 2]);
        var count = new GrainState<long>(7);

        await storage.ReadStateAsync("text", grainId, text);
        await storage.ReadStateAsync("numbers", grainId, numbers);
        await storage.ReadStateAsync("count", grainId, count);

        Assert.Equal(string.Empty, text.State);
        Assert.Empty(numbers.State);
        Assert.Equal(0, count.State);
    }

    [Fact]
    public async Task ScalarAndCollectionStatesRoundTrip()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync("text", grainId, new GrainState<string>("Ça va? \"yes\" \\ 東京"));
        await storage.WriteStateAsync("count", grainId, new GrainState<long>(long.MaxValue));
        await storage.WriteStateAsync("map", grainId, new GrainState<Dictionary<string, decimal>>(new() { ["a"] = 0.1m, ["b"] = 12345678901234567890.5m }));

        var text = new GrainState<string>(string.Empty);
        var count = new GrainState<long>(0);
        var map = new GrainState<Dictionary<string, decimal>>([]);
        await storage.ReadStateAsync("text", grainId, text);
        await storage.ReadStateAsync("count", grainId, count);
        await storage.ReadStateAsync("map", grainId, map);

        Assert.Equal("Ça va? \"yes\" \\ 東京", text.State);
        Assert.Equal(long.MaxValue, count.State);
        Assert.Equal(0.1m, map.State["a"]);
        Assert.Equal(12345678901234567890.5m, map.State["b"]);
    }

    [Fact]
    public async Task StoredNullReadsAsANewState()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(null!);

        await storage.WriteStateAsync(StateName, grainId, state);
        var read = await ReadAsync<TripState>(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.NotNull(read.State);
        Assert.Equal(string.Empty, read.State.Name);
    }

    [Fact]
    public async Task StateTypeWithoutAParameterlessConstructorIsRefusedWhenNew()
    {
        var storage = NewStorage();

        await Assert.ThrowsAsync<WayfarerException>(
            () => storage.ReadStateAsync(StateName, NewGrainId(), new GrainState<TripReference>(new TripReference("t-1"))));
    }
}
