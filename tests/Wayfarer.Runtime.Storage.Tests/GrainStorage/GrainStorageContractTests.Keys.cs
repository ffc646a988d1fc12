using Wayfarer.Runtime.Storage.Tests.States;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

/// <content>Record identity: service id, grain type, grain key and state name.</content>
public abstract partial class GrainStorageContractTests
{
    public static TheoryData<string> AwkwardKeys => new()
    {
        string.Empty,
        "a/b/c",
        "a+b",
        "a,b;c",
        "plan 42 ",
        " \t\n",
        "it's \"quoted\" `and` backslashed \\",
        "Zürich-東京-🚆",
        "%s {0} $1 ' OR '1'='1",
        new string('k', 2000),
    };

    [Theory]
    [MemberData(nameof(AwkwardKeys))]
    public async Task StringKeysWithAnyCharactersRoundTripLosslessly(string key)
    {
        var storage = NewStorage();
        var grainId = new GrainId("trip", key);
        var neighbour = new GrainId("trip", key + "x");
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(new TripState { Name = key }));
        await storage.WriteStateAsync(StateName, neighbour, new GrainState<TripState>(new TripState { Name = "neighbour" }));

        var read = await ReadAsync<TripState>(storage, grainId);

        Assert.True(read.RecordExists);
        Assert.Equal(key, read.State.Name);
        Assert.Equal("neighbour", (await ReadAsync<TripState>(storage, neighbour)).State.Name);
    }

    [Fact]
    public async Task TwoGrainTypesWithTheSameKeyNeverCollide()
    {
        var storage = NewStorage();
        var key = Guid.NewGuid().ToString("N");
        var trip = new GrainId("trip", key);
        var user = new GrainId("user", key);

        await storage.WriteStateAsync(StateName, trip, new GrainState<TripState>(new TripState { Name = "trip" }));
        await storage.WriteStateAsync(StateName, user, new GrainState<TripState>(new TripState { Name = "user" }));

        Assert.Equal("trip", (await ReadAsync<TripState>(storage, trip)).State.Name);
        Assert.Equal("user", (await ReadAsync<TripState>(storage, user)).State.Name);
    }

    [Fact]
    public async Task TwoStateNamesOfOneGrainNeverCollide()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();

        await storage.WriteStateAsync("draft", grainId, new GrainState<TripState>(new TripState { Name = "draft" }));
        await storage.WriteStateAsync("booked", grainId, new GrainState<TripState>(new TripState { Name = "booked" }));

        Assert.Equal("draft", (await ReadAsync<TripState>(storage, grainId, "draft")).State.Name);
        Assert.Equal("booked", (await ReadAsync<TripState>(storage, grainId, "booked")).State.Name);
        Assert.False((await ReadAsync<TripState>(storage, grainId, StateName)).RecordExists);
    }

    [Fact]
    public async Task DifferentServiceIdsAreIsolated()
    {
        var blue = NewStorage();
        var green = NewStorage();
        var grainId = NewGrainId();
        var blueState = new GrainState<TripState>(new TripState { Name = "blue" });
        await blue.WriteStateAsync(StateName, grainId, blueState);

        Assert.False((await ReadAsync<TripState>(green, grainId)).RecordExists);
        var greenState = new GrainState<TripState>(new TripState { Name = "green" });
        await green.WriteStateAsync(StateName, grainId, greenState);
        await green.ClearStateAsync(StateName, grainId, greenState);

        var read = await ReadAsync<TripState>(blue, grainId);
        Assert.True(read.RecordExists);
        Assert.Equal("blue", read.State.Name);
        Assert.Equal(blueState.ETag, read.ETag);
    }
}
