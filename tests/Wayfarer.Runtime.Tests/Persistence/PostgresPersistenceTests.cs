using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Runtime.Tests.Persistence;

/// <summary>The same persistence behaviours on real PostgreSQL; a restart here is a real storage round trip.</summary>
[Trait("Category", "Integration")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceTests(PostgresFixture postgres) : PersistenceTests
{
    protected override async Task<TestCluster> StartAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync("persist");
        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        var cluster = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo.AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString))
            .Build();
        await cluster.StartAsync();
        return cluster;
    }
}
