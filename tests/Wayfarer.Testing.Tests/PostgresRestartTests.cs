namespace Wayfarer.Testing.Tests;

[Trait("Category", "Integration")]
public sealed class PostgresRestartTests
{
    [Fact]
    public async Task DataWrittenBeforeAFastStopIsThereAfterStartingAgain()
    {
        await using var server = await PostgresServer.StartLocalAsync();
        var database = await server.CreateDatabaseAsync("restart");
        await Sql.ExecuteAsync(database, "create table trip(id int primary key, name text); insert into trip values (1, 'Porto')");
        var port = server.Port;
        var pidBefore = server.Pid;

        await server.StopAsync();
        Assert.Null(server.Pid);
        Assert.False(server.IsRunning);
        await server.StartAgainAsync();

        Assert.Equal(port, server.Port);
        Assert.NotEqual(pidBefore, server.Pid);
        Assert.Equal("Porto", await Sql.ScalarAsync(database, "select name from trip where id = 1"));
    }

    [Fact]
    public async Task SynchronouslyCommittedDataSurvivesAnImmediateStop()
    {
        await using var server = await PostgresServer.StartLocalAsync();
        var database = await server.CreateDatabaseAsync("crash");
        await Sql.ExecuteAsync(database, "set synchronous_commit = on; create table trip(id int primary key, name text); insert into trip values (1, 'Faro')");

        await server.StopAsync(immediate: true);
        await server.StartAgainAsync();

        Assert.Equal("Faro", await Sql.ScalarAsync(database, "select name from trip where id = 1"));
    }

    [Fact]
    public async Task DisposeStopsTheServer()
    {
        var server = await PostgresServer.StartLocalAsync();
        var pid = server.Pid!.Value;
        Assert.True(Tcp.IsAlive(pid));

        await server.DisposeAsync();

        Assert.False(Tcp.IsAlive(pid), $"postmaster {pid} still runs after DisposeAsync");
        Assert.False(await Tcp.AcceptsConnectionsAsync(server.Port), $"port {server.Port} still accepts connections after DisposeAsync");
    }
}
