using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Runtime.Cluster.Tests.Hosting;

/// <summary>The provider registrations: options, validation, connections and start-up with Redis down.</summary>
[Collection(RedisCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class RedisHostingTests(RedisFixture redis)
{
    // Port 1 on loopback refuses connections at once: a Redis that is down.
    private const string DownRedis = "127.0.0.1:1,connectTimeout=200,connectRetry=1";

    [Fact]
    public async Task UseRedisClusteringRegistersATableForTheClusterWithItsOwnConnection()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.Configure<ClusterOptions>(options =>
        {
            options.ServiceId = "travel";
            options.ClusterId = "blue";
        });
        silo.UseRedisClustering(options => options.ConnectionString = redis.ConnectionString);
        IConnectionMultiplexer connection;
        using (var app = host.Build())
        {
            var table = Assert.IsType<RedisMembershipTable>(app.Services.GetRequiredService<IMembershipTable>());
            Assert.Same(table, app.Services.GetRequiredService<RedisMembershipTable>());
            Assert.Equal("wayfarer:travel:blue:members", table.Key);
            connection = app.Services.GetRequiredKeyedService<IConnectionMultiplexer>(RedisClusteringExtensions.ConnectionServiceKey);
            Assert.True(connection.IsConnected);
            await table.InitializeAsync();
            await table.DeleteTableAsync();
        }

        Assert.False(connection.IsConnected, "the container must dispose the connection it created");
    }

    [Fact]
    public void UseRedisClusteringKeepsAMembershipTableRegisteredEarlier()
    {
        var (host, silo) = TestSiloBuilder.Create();
        var memory = new MemoryMembershipTable();
        host.Services.AddSingleton<IMembershipTable>(memory);

        silo.UseRedisClustering(options => options.ConnectionString = redis.ConnectionString);
        using var app = host.Build();

        Assert.Same(memory, app.Services.GetRequiredService<IMembershipTable>());
    }

    [Fact]
    public async Task UseRedisGrainDirectoryRegistersADirectoryForTheServiceWithItsOwnConnection()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.Configure<ClusterOptions>(options => options.ServiceId = Ids.New("travel"));
        silo.UseRedisClustering(options => options.ConnectionString = redis.ConnectionString)
            .UseRedisGrainDirectory(options => options.ConnectionString = redis.ConnectionString);
        using var app = host.Build();

        var directory = Assert.IsType<RedisGrainDirectory>(app.Services.GetRequiredService<IGrainDirectory>());
        Assert.Equal(app.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId, directory.ServiceId);
        Assert.NotSame(
            app.Services.GetRequiredKeyedService<IConnectionMultiplexer>(RedisGrainDirectoryExtensions.ConnectionServiceKey),
            app.Services.GetRequiredKeyedService<IConnectionMultiplexer>(RedisClusteringExtensions.ConnectionServiceKey));
        var address = new GrainAddress(new GrainId("trip", "1"), new SiloAddress("10.0.0.1", 1, 1), ActivationId.NewId());
        Assert.Equal(address, await directory.RegisterAsync(address));
    }

    [Fact]
    public async Task StartUpSurvivesARedisThatIsDownAndCommandsFailTransiently()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.UseRedisClustering(options => options.ConnectionString = DownRedis)
            .UseRedisGrainDirectory(options => options.ConnectionString = DownRedis);
        using var app = host.Build();
        await app.StartAsync();

        var table = app.Services.GetRequiredService<IMembershipTable>();
        var directory = app.Services.GetRequiredService<IGrainDirectory>();

        Assert.True((await Assert.ThrowsAsync<RedisStoreException>(() => table.ReadAllAsync())).IsTransient);
        Assert.True((await Assert.ThrowsAsync<RedisStoreException>(() => directory.LookupAsync(new GrainId("trip", "1")))).IsTransient);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("", "RedisClusteringOptions.ConnectionString is required.")]
    [InlineData("password=hunter2", "RedisClusteringOptions.ConnectionString names no endpoint")]
    [InlineData("localhost,Sekrit=hunter2", "RedisClusteringOptions.ConnectionString is not a valid StackExchange.Redis configuration string.")]
    public async Task ClusteringWithABadConnectionStringStopsStartUpNamingTheOptionWithoutEchoingIt(string connectionString, string expected)
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.UseRedisClustering(options => options.ConnectionString = connectionString);
        using var app = host.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryWithBadOptionsStopsStartUpNamingEachOption()
    {
        var (host, silo) = TestSiloBuilder.Create();
        silo.UseRedisGrainDirectory(options =>
        {
            options.ConnectionString = "localhost";
            options.KeyPrefix = " ";
            options.EntryExpiry = TimeSpan.Zero;
            options.OperationTimeout = TimeSpan.FromSeconds(-1);
        });
        using var app = host.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("RedisGrainDirectoryOptions.KeyPrefix must not be blank.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RedisGrainDirectoryOptions.EntryExpiry must be at least 1 millisecond", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RedisGrainDirectoryOptions.OperationTimeout must be positive", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionString", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsBindFromConfigurationAndCodeRunsAfter()
    {
        var (host, silo) = TestSiloBuilder.Create();
        host.Configuration["Wayfarer:Clustering:Redis:ConnectionString"] = "localhost:6380";
        host.Configuration["Wayfarer:Clustering:Redis:EntryExpiry"] = "00:10:00";
        host.Configuration["Wayfarer:GrainDirectory:Redis:KeyPrefix"] = "bound";
        host.Configuration["Wayfarer:GrainDirectory:Redis:ConnectionString"] = "localhost";
        silo.UseRedisClustering(options => options.KeyPrefix = "code")
            .UseRedisGrainDirectory(_ => { });
        using var app = host.Build();

        var clustering = app.Services.GetRequiredService<IOptions<RedisClusteringOptions>>().Value;
        Assert.Equal("localhost:6380", clustering.ConnectionString);
        Assert.Equal(TimeSpan.FromMinutes(10), clustering.EntryExpiry);
        Assert.Equal("code", clustering.KeyPrefix);
        Assert.Equal("bound", app.Services.GetRequiredService<IOptions<RedisGrainDirectoryOptions>>().Value.KeyPrefix);
    }
}
