using StackExchange.Redis;
using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Runtime.Cluster.Tests.Directory;

[Collection(RedisCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisGrainDirectoryTests(RedisFixture redis) : GrainDirectoryContractTests
{
    private IConnectionMultiplexer? _connection;

    private IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("not initialised");

    public override async Task InitializeAsync() => _connection = await redis.GetConnectionAsync();

    protected override IGrainDirectory CreateDirectory(string serviceId) => Create(serviceId, new RedisGrainDirectoryOptions());

    [Fact]
    public async Task EntryIsOneKeyPerGrainHoldingSiloAndActivationAndIsListedUnderItsSilo()
    {
        var serviceId = Ids.New("svc");
        var directory = Create(serviceId, new RedisGrainDirectoryOptions());
        var address = At(new GrainId("trip", "a/b c"), NewSilo());

        await directory.RegisterAsync(address);

        var key = $"wayfarer:{serviceId}:dir:trip/a/b c";
        Assert.Equal(key, directory.GrainKey(address.GrainId));
        var database = Connection.GetDatabase();
        Assert.Equal(
            $"{{\"silo\":\"{address.Silo}\",\"activationId\":\"{address.ActivationId}\"}}",
            (string?)await database.StringGetAsync(key));
        Assert.Equal($"wayfarer:{serviceId}:dir-silo:{address.Silo}", directory.SiloSetKey(address.Silo));
        Assert.True(await database.SetContainsAsync(directory.SiloSetKey(address.Silo), key));
        Assert.Null(await database.KeyTimeToLiveAsync(key));
    }

    [Fact]
    public async Task EntryExpirySetsATimeToLiveOnTheEntryAndItsSilosSet()
    {
        var directory = Create(Ids.New("svc"), new RedisGrainDirectoryOptions { EntryExpiry = TimeSpan.FromHours(1), KeyPrefix = "other" });
        var address = At(NewGrainId(), NewSilo());

        await directory.RegisterAsync(address);

        var database = Connection.GetDatabase();
        Assert.StartsWith("other:", directory.GrainKey(address.GrainId), StringComparison.Ordinal);
        Assert.InRange((await database.KeyTimeToLiveAsync(directory.GrainKey(address.GrainId)))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        Assert.InRange((await database.KeyTimeToLiveAsync(directory.SiloSetKey(address.Silo)))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AnEntryThatIsNotAnAddressFailsTheLookupNamingTheKey()
    {
        var directory = Create(Ids.New("svc"), new RedisGrainDirectoryOptions());
        var grainId = NewGrainId();
        await Connection.GetDatabase().StringSetAsync(directory.GrainKey(grainId), "{\"silo\":\"nonsense\",\"activationId\":\"x\"}");

        var exception = await Assert.ThrowsAsync<RedisStoreException>(() => directory.LookupAsync(grainId));

        Assert.False(exception.IsTransient);
        Assert.Equal(directory.GrainKey(grainId), exception.Key);
    }

    [Fact]
    public async Task UnregisterSilosKeepsAnEntryThatExpiredAndWasRegisteredOnAnotherSilo()
    {
        var directory = Create(Ids.New("svc"), new RedisGrainDirectoryOptions { EntryExpiry = TimeSpan.FromHours(1) });
        var dead = NewSilo();
        var grainId = NewGrainId();
        await directory.RegisterAsync(At(grainId, dead));
        // Expiry removes the entry but not its member in the dead silo's set.
        await Connection.GetDatabase().KeyDeleteAsync(directory.GrainKey(grainId));
        var elsewhere = await directory.RegisterAsync(At(grainId, NewSilo()));
        Assert.True(await Connection.GetDatabase().SetContainsAsync(directory.SiloSetKey(dead), directory.GrainKey(grainId)));

        await directory.UnregisterSilosAsync([dead]);

        Assert.Equal(elsewhere, await directory.LookupAsync(grainId));
        Assert.False(await Connection.GetDatabase().KeyExistsAsync(directory.SiloSetKey(dead)));
    }

    private RedisGrainDirectory Create(string serviceId, RedisGrainDirectoryOptions options) => new(Connection, serviceId, options);
}
