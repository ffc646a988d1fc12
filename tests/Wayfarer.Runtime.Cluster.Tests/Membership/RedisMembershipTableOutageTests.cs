using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Wayfarer.Runtime.Cluster.Tests.Support;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Redis;
using static Wayfarer.Runtime.Cluster.Tests.Support.Members;

namespace Wayfarer.Runtime.Cluster.Tests.Membership;

/// <summary>Redis restarting or dying under the table. Each test kills a server of its own, never the shared one.</summary>
[Trait("Category", "Cluster")]
public sealed class RedisMembershipTableOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan s_signalTimeout = TimeSpan.FromSeconds(30);

    private RedisServer? _server;
    private ConnectionMultiplexer? _connection;

    private RedisServer Server => _server ?? throw new InvalidOperationException("not initialised");

    private ConnectionMultiplexer Connection => _connection ?? throw new InvalidOperationException("not initialised");

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartLocalAsync();
        _connection = RedisConnectionFactory.Connect(_server.ConnectionString, "membership table", NullLogger.Instance);
    }

    public async Task DisposeAsync()
    {
        _connection?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task ReadAfterRedisRestartsEmptyGivesEmptyVersionZeroAndInsertWorks()
    {
        var table = NewTable();
        await table.InitializeAsync();
        await InsertAsync(table, Entry(NewSilo()));
        await InsertAsync(table, Entry(NewSilo()));

        await Server.RestartEmptyAsync();

        var data = await Eventually.SucceedsAsync(() => table.ReadAllAsync(), "a read once the client reconnects to the restarted Redis");
        Assert.Empty(data.Entries);
        Assert.Equal(0, data.Version.Version);
        var silo = NewSilo();
        Assert.True(await table.InsertRowAsync(Entry(silo), data.Version.Next()), "re-registering into the lost table must work without InitializeAsync");
        var after = await table.ReadAllAsync();
        Assert.Equal(1, after.Version.Version);
        Assert.Equal(silo, Assert.Single(after.Entries).Entry.Silo);
    }

    [Fact]
    public async Task TableFailsTransientlyWhileRedisIsDownAndWorksAgainAfterItRestarts()
    {
        var table = NewTable();
        await table.InitializeAsync();
        var silo = NewSilo();
        await InsertAsync(table, Entry(silo));
        var failed = Signal(handler => Connection.ConnectionFailed += handler);

        await Server.KillAsync();
        await failed.WaitAsync(s_signalTimeout);

        var exception = await Assert.ThrowsAsync<RedisStoreException>(() => table.ReadAllAsync());
        Assert.True(exception.IsTransient, $"a connection loss must be transient: {exception.Message}");
        Assert.Equal(table.Key, exception.Key);
        await Assert.ThrowsAsync<RedisStoreException>(() => table.UpdateIAmAliveAsync(silo, Now));

        var restored = Signal(handler => Connection.ConnectionRestored += handler);
        await Server.RestartEmptyAsync();
        await restored.WaitAsync(s_signalTimeout);

        await Eventually.SucceedsAsync(() => table.InitializeAsync(), "initialising once the client reconnects");
        var data = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(Entry(silo), data.Version.Next()));
        await table.UpdateIAmAliveAsync(silo, Now.AddMinutes(1));
        Assert.Equal(Now.AddMinutes(1), Assert.Single((await table.ReadAllAsync()).Entries).Entry.IAmAliveTime);
    }

    private RedisMembershipTable NewTable() =>
        new(Connection, Ids.New("svc"), Ids.New("cluster"), new RedisClusteringOptions { OperationTimeout = TimeSpan.FromSeconds(5) });

    private static async Task InsertAsync(IMembershipTable table, MembershipEntry entry)
    {
        var data = await table.ReadAllAsync();
        Assert.True(await table.InsertRowAsync(entry, data.Version.Next()));
    }

    private static Task Signal(Action<EventHandler<ConnectionFailedEventArgs>> subscribe)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, _) => signal.TrySetResult());
        return signal.Task;
    }
}
