using Wayfarer.Grains.Users;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests;

/// <summary>A test cluster hosting the domain grains on a fresh, migrated PostgreSQL database.</summary>
internal sealed class DomainCluster : IAsyncDisposable
{
    private DomainCluster(TestCluster cluster, string connectionString)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
    }

    public TestCluster Cluster { get; }

    public string ConnectionString { get; }

    public string ServiceId => Cluster.ServiceId;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<DomainCluster> StartAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync("grains");
        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        var cluster = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo
                .AddGrainAssembly(typeof(UserGrain).Assembly)
                .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString))
            .Build();
        await cluster.StartAsync();
        return new DomainCluster(cluster, connectionString);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
