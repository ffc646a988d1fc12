using Npgsql;

namespace Wayfarer.Testing.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SharedPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task StartedServerAnswersSelectVersion()
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version()", connection);

        var version = (string?)await command.ExecuteScalarAsync();

        Assert.StartsWith("PostgreSQL ", version);
    }

    [Fact]
    public async Task TwoCreatedDatabasesAreIsolatedFromEachOther()
    {
        var first = await postgres.CreateDatabaseAsync("iso");
        var second = await postgres.CreateDatabaseAsync("iso");
        Assert.NotEqual(new NpgsqlConnectionStringBuilder(first).Database, new NpgsqlConnectionStringBuilder(second).Database);

        await Sql.ExecuteAsync(first, "create table trip(id int primary key, name text); insert into trip values (1, 'Lisbon')");

        Assert.Equal("Lisbon", await Sql.ScalarAsync(first, "select name from trip where id = 1"));
        Assert.Null(await Sql.ScalarAsync(second, "select to_regclass('public.trip')::text"));
    }

    [Fact]
    public async Task CreatedDatabaseHasPgcryptoAndPgTrgm()
    {
        var database = await postgres.CreateDatabaseAsync();

        Assert.Equal(2L, await Sql.ScalarAsync(database, "select count(*) from pg_extension where extname in ('pgcrypto', 'pg_trgm')"));
        Assert.IsType<Guid>(await Sql.ScalarAsync(database, "select gen_random_uuid()"));
    }

    [Fact]
    public async Task DatabaseNamePrefixIsSanitised()
    {
        var database = await postgres.CreateDatabaseAsync("Trip-Planner 9");

        Assert.Matches("^tripplanner9_[0-9a-f]{12}$", new NpgsqlConnectionStringBuilder(database).Database);
    }

    [Fact]
    public async Task SharedServerRefusesToBeStopped()
    {
        var server = await SharedServers.GetPostgresAsync();

        Assert.Same(postgres.Server, server);
        if (!server.IsExternal)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => server.StopAsync());
        }
    }
}
