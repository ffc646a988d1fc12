using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Storage.Tests.States;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.GrainStorage;

[Trait("Category", "Integration")]
public sealed class PostgresGrainStorageTests(MigratedDatabase database) : GrainStorageContractTests, IClassFixture<MigratedDatabase>
{
    protected override IGrainStorage CreateStorage(string serviceId) =>
        new PostgresGrainStorage("test", serviceId, new PostgresGrainStorageOptions { ConnectionString = database.ConnectionString });

    [Fact]
    public async Task PayloadIsQueryableWithJsonOperators()
    {
        var serviceId = NewServiceId();
        var storage = NewStorage(serviceId);
        var grainId = NewGrainId();
        await storage.WriteStateAsync(StateName, grainId, new GrainState<TripState>(Lisbon()));

        var name = await Db.ScalarAsync(
            database.ConnectionString,
            "SELECT payload->>'name' FROM grain_state WHERE service_id = $1 AND grain_type = $2 AND grain_key = $3 AND state_name = $4",
            serviceId,
            grainId.Type,
            grainId.Key,
            StateName);
        var found = await Db.ScalarAsync(
            database.ConnectionString,
            "SELECT count(*) FROM grain_state WHERE service_id = $1 AND (payload->>'nights')::int = 4 AND payload->'stops' ? 'Belém'",
            serviceId);

        Assert.Equal("Lisbon", name);
        Assert.Equal(1L, found);
    }

    [Fact]
    public async Task ClearKeepsATombstoneRowWithANullPayloadAndTheNextVersion()
    {
        var serviceId = NewServiceId();
        var storage = NewStorage(serviceId);
        var grainId = NewGrainId();
        var state = new GrainState<TripState>(Lisbon());
        await storage.WriteStateAsync(StateName, grainId, state);
        await storage.WriteStateAsync(StateName, grainId, state);

        await storage.ClearStateAsync(StateName, grainId, state);

        Assert.Equal("3", state.ETag);
        Assert.Equal(3L, await Db.ScalarAsync(database.ConnectionString, "SELECT version FROM grain_state WHERE service_id = $1 AND payload IS NULL", serviceId));
    }

    [Fact]
    public async Task TwoStoragesForOneServiceSeeTheSameRecords()
    {
        var serviceId = NewServiceId();
        var grainId = NewGrainId();
        var first = new GrainState<TripState>(Lisbon());
        await NewStorage(serviceId).WriteStateAsync(StateName, grainId, first);

        var read = await ReadAsync<TripState>(NewStorage(serviceId), grainId);

        Assert.Equal("Lisbon", read.State.Name);
        Assert.Equal(first.ETag, read.ETag);
    }
}
