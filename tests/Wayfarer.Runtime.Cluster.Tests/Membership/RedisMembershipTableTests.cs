using StackExchange.Redis;
using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Redis;
using static Wayfarer.Runtime.Cluster.Tests.Support.Members;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

[Collection(RedisCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisMembershipTableTests(RedisFixture redis) : MembershipTableContractTests
{
    private IConnectionMultiplexer? _connection;

    private IConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("not initialised");

    public override async Task InitializeAsync() => _connection = await redis.GetConnectionAsync();

    protected override IMembershipTable CreateTable(string serviceId, string clusterId) =>
        new RedisMembershipTable(Connection, serviceId, clusterId, new RedisClusteringOptions { ConnectionString = redis.ConnectionString });

    [Fact]
    public async Task TableIsOneHashWithAVersionFieldAndOneFieldPerSilo()
    {
        var serviceId = Ids.New("svc");
        var clusterId = Ids.New("cluster");
        var table = (RedisMembershipTable)CreateTable(serviceId, clusterId);
        var silo = NewSilo();
        try
        {
            await table.InitializeAsync();
            await InsertAsync(table, Entry(silo));
            await table.UpdateIAmAliveAsync(silo, Now.AddMinutes(1));

            Assert.Equal($"wayfarer:{serviceId}:{clusterId}:members", table.Key);
            var fields = (await Connection.GetDatabase().HashGetAllAsync(table.Key)).ToDictionary(field => (string)field.Name!, field => (string)field.Value!);
            Assert.Equal(new[] { "alive:" + silo, silo.ToString(), "version" }.Order(StringComparer.Ordinal), fields.Keys.Order(StringComparer.Ordinal));
            var version = (await table.ReadAllAsync()).Version;
            Assert.Equal($"1:{version.ETag}", fields["version"]);
            Assert.StartsWith("{\"etag\":", fields[silo.ToString()], StringComparison.Ordinal);
            Assert.Contains($"\"silo\":\"{silo}\"", fields[silo.ToString()], StringComparison.Ordinal);
        }
        finally
        {
            await table.DeleteTableAsync();
        }
    }

    [Fact]
    public void KeyPrefixIsConfigurable()
    {
        var table = new RedisMembershipTable(Connection, "svc", Ids.New("cluster"), new RedisClusteringOptions { KeyPrefix = Ids.New("prefix") });

        Assert.StartsWith("prefix-", table.Key, StringComparison.Ordinal);
        Assert.EndsWith(":svc:" + table.ClusterId + ":members", table.Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryExpirySetsATimeToLiveThatWritesAndHeartbeatsRenew()
    {
        var options = new RedisClusteringOptions { EntryExpiry = TimeSpan.FromHours(1) };
        var table = new RedisMembershipTable(Connection, Ids.New("svc"), Ids.New("cluster"), options);
        var database = Connection.GetDatabase();
        var silo = NewSilo();
        try
        {
            await table.InitializeAsync();
            Assert.InRange((await database.KeyTimeToLiveAsync(table.Key))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

            await database.KeyExpireAsync(table.Key, TimeSpan.FromMinutes(1));
            await InsertAsync(table, Entry(silo));
            Assert.InRange((await database.KeyTimeToLiveAsync(table.Key))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));

            await database.KeyExpireAsync(table.Key, TimeSpan.FromMinutes(1));
            await table.UpdateIAmAliveAsync(silo, Now);
            Assert.InRange((await database.KeyTimeToLiveAsync(table.Key))!.Value, TimeSpan.FromMinutes(59), TimeSpan.FromHours(1));
        }
        finally
        {
            await table.DeleteTableAsync();
        }
    }

    [Fact]
    public async Task AFieldThatIsNotARowFailsTheReadNamingTheField()
    {
        var table = (RedisMembershipTable)NewTable();
        await table.InitializeAsync();
        await Connection.GetDatabase().HashSetAsync(table.Key, "10.0.0.1:1@1", "not json");

        var exception = await Assert.ThrowsAsync<RedisStoreException>(() => table.ReadAllAsync());

        Assert.False(exception.IsTransient);
        Assert.Equal(table.Key, exception.Key);
        Assert.Contains("'10.0.0.1:1@1'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostThatLooksLikeAHeartbeatFieldIsRefused()
    {
        var table = NewTable();

        await Assert.ThrowsAsync<ArgumentException>(() => table.InsertRowAsync(Entry(new SiloAddress("alive:x", 1, 1)), new TableVersion(1, "0")));
    }
}
