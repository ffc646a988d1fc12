namespace Wayfarer.Testing.Tests;

[Collection(RedisCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RedisServerTests(RedisFixture redis)
{
    [Fact]
    public async Task SetValueIsReturnedByGet()
    {
        var db = (await redis.GetConnectionAsync()).GetDatabase();
        var key = redis.NewKeyPrefix("set") + "city";

        await db.StringSetAsync(key, "Lisbon");

        Assert.Equal("Lisbon", (string?)await db.StringGetAsync(key));
    }

    [Fact]
    public async Task RestartEmptyLosesDataAndKeepsThePort()
    {
        await using var server = await RedisServer.StartLocalAsync();
        var port = server.Port;
        using (var before = await server.ConnectAsync())
        {
            await before.GetDatabase().StringSetAsync("city", "Porto");
            Assert.Equal("Porto", (string?)await before.GetDatabase().StringGetAsync("city"));
        }

        await server.RestartEmptyAsync();

        Assert.Equal(port, server.Port);
        using var after = await server.ConnectAsync();
        Assert.False((await after.GetDatabase().StringGetAsync("city")).HasValue);
    }

    [Fact]
    public async Task KilledServerRefusesConnections()
    {
        await using var server = await RedisServer.StartLocalAsync();
        var pid = server.Pid;

        await server.KillAsync();

        Assert.NotNull(pid);
        Assert.Null(server.Pid);
        Assert.False(Tcp.IsAlive(pid.Value), $"redis-server {pid} still runs after KillAsync");
        Assert.False(await Tcp.AcceptsConnectionsAsync(server.Port), $"port {server.Port} still accepts connections after KillAsync");
    }
}
