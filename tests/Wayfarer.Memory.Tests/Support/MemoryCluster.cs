using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wayfarer.Grains.Memory;
using Wayfarer.Memory.Catalog;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Storage;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Memory.Tests.Support;

/// <summary>A test silo with the memory feature over a fresh PostgreSQL database.</summary>
internal sealed class MemoryCluster : IAsyncDisposable
{
    private MemoryCluster(TestCluster cluster, string connectionString)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
    }

    public TestCluster Cluster { get; }

    public string ConnectionString { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public static async Task<MemoryCluster> StartAsync(
        PostgresFixture postgres,
        ICatalogSource? catalog = null,
        TimeProvider? timeProvider = null,
        Action<MemoryOptions>? configure = null,
        string? connectionString = null,
        Action<IServiceCollection>? services = null,
        Action<ISiloBuilder>? silo = null)
    {
        connectionString ??= await postgres.CreateDatabaseAsync("mem");
        var builder = TestCluster.CreateBuilder()
            .ConfigureServices(s =>
            {
                s.AddSingleton(catalog ?? new TestCatalog([]));
                services?.Invoke(s);
            })
            .ConfigureSilo(siloBuilder =>
            {
                silo?.Invoke(siloBuilder);
                siloBuilder.AddPostgresMigrations(o =>
                {
                    o.ConnectionString = connectionString;
                    o.ApplyMigrations = true;
                })
                .AddMemoryGrainStorageAsDefault()
                .AddWayfarerMemory(connectionString, o =>
                {
                    o.CatalogShards = 3;
                    configure?.Invoke(o);
                });
            });
        if (timeProvider is not null)
        {
            builder.WithTimeProvider(timeProvider);
        }

        var cluster = builder.Build();
        await cluster.StartAsync();
        return new MemoryCluster(cluster, connectionString);
    }

    public async Task<long> CountRowsAsync(string? owner)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM memory_embeddings WHERE coalesce(owner_id, '') = coalesce($1, '')", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
