using Wayfarer.Runtime.Storage.Tests.States;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

/// <summary>The grain storage contract: every <see cref="IGrainStorage"/> passes these tests.</summary>
/// <remarks>Each test takes its own service id, so implementations may share one backing store across tests.</remarks>
public abstract partial class GrainStorageContractTests : IAsyncLifetime
{
    protected const string StateName = "trip";

    private readonly List<IGrainStorage> _storages = [];

    /// <summary>Creates a storage for a service id; called once or more per test.</summary>
    protected abstract IGrainStorage CreateStorage(string serviceId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var storage in _storages)
        {
            if (storage is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ReadingAMissingRecordGivesRecordExistsFalse()
    {
        var storage = NewStorage();
        var state = new GrainState<TripState>(new TripState { Name = "left over" }) { ETag = "stale", RecordExists = true };

        await storage.ReadStateAsync(StateName, NewGrainId(), state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Equal(string.Empty, state.State.Name);
        Assert.Empty(state.State.Stops);
    }

    [Fact]
    public async Task WrittenStateIsReadBackWithItsETag()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var written = new GrainState<TripState>(Lisbon());

        await storage.WriteStateAsync(StateName, grainId, written);
        var read = await ReadAsync<TripState>(storage, grainId);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("Lisbon", read.State.Name);
        Assert.Equal(4, read.State.Nights);
        Assert.Equal(["Alfama", "Belém"], read.State.Stops);
    }

    [Fact]
    public async Task StaleETagWriteIsRejectedAndStoredStateIsUnchanged()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var first = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, first);
        var staleETag = first.ETag;
        first.State.Nights = 5;
        await storage.WriteStateAsync(StateName, grainId, first);
        var stale = new GrainState<TripState>(new TripState { Name = "Porto" }) { ETag = staleETag, RecordExists = true };

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(StateName, grainId, stale));

        Assert.Equal(grainId, exception.GrainId);
        Assert.Equal(StateName, exception.StateName);
        Assert.Equal(staleETag, exception.CurrentEtag);
        Assert.Equal(first.ETag, exception.StoredEtag);
        Assert.Equal(staleETag, stale.ETag);
        var stored = await ReadAsync<TripState>(storage, grainId);
        Assert.Equal("Lisbon", stored.State.Name);
        Assert.Equal(5, stored.State.Nights);
        Assert.Equal(first.ETag, stored.ETag);
    }

    [Fact]
    public async Task WriteWithMissingETagOnExistingRecordIsRejected()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()));

        var exception = await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(new TripState { Name = "Porto" })));

        Assert.Null(exception.CurrentEtag);
        Assert.Equal("Lisbon", (await ReadAsync<TripState>(storage, grainId)).State.Name);
    }

    [Fact]
    public async Task WriteNamingAnETagForAMissingRecordIsRejected()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()) { ETag = "1" }));

        Assert.False((await ReadAsync<TripState>(storage, grainId)).RecordExists);
    }

    [Theory]
    [InlineData("not-a-number")]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData(" 1")]
    [InlineData("99999999999999999999999")]
    public async Task MalformedETagIsRejectedAsInconsistent(string eTag)
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()));

        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()) { ETag = eTag }));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => storage.ClearStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()) { ETag = eTag }));
        Assert.True((await ReadAsync<TripState>(storage, grainId)).RecordExists);
    }

    [Fact]
    public async Task ETagChangesOnEveryWriteAndClear()
    {
        var storage = NewStorage();
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());
        var seen = new List<string?>();

        await storage.WriteStateAsync(StateName, grainId, state);
        seen.Add(state.ETag);
        await storage.WriteStateAsync(StateName, grainId, state);
        seen.Add(state.ETag);
        await storage.ClearStateAsync(StateName, grainId, state);
        seen.Add(state.ETag);
        await storage.WriteStateAsync(StateName, grainId, state);
        seen.Add(state.ETag);
        await storage.ClearStateAsync(StateName, grainId, state);
        seen.Add(state.ETag);

        Assert.All(seen, Assert.NotNull);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(state.ETag, (await ReadAsync<TripState>(storage, grainId)).ETag);
    }

    protected IGrainStorage NewStorage(string? serviceId = null)
    {
        var storage = CreateStorage(serviceId ?? NewServiceId());
        _storages.Add(storage);
        return storage;
    }

    protected static string NewServiceId() => "svc-" + Guid.NewGuid().ToString("N");

    protected static GrainId NewGrainId(string type = "trip") => new(type, Guid.NewGuid().ToString("N"));

    protected static TripState Lisbon() => new() { Name = "Lisbon", Nights = 4, Stops = ["Alfama", "Belém"] };

    protected static async Task<GrainState<T>> ReadAsync<T>(IGrainStorage storage, GrainId grainId, string stateName = StateName)
        where T : new()
    {
        var state = new GrainState<T>(new T());
        await storage.ReadStateAsync(stateName, grainId, state);
        return state;
    }
}
