using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Storage.Tests.Support;

namespace Wayfarer.Runtime.Storage.Tests.Migrations;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresMigrationHostingTests(PostgresFixture postgres)
{
    [Fact]
    public async Task MigrationsAreAppliedBeforeAnyHostedServiceStarts()
    {
        var database = await postgres.CreateDatabaseAsync("hosting");
        var (host, silo) = TestSiloBuilder.Create();
        host.Services.AddHostedService(_ => new TableProbe(database));
        silo.AddPostgresMigrations(options =>
        {
            options.ConnectionString = database;
            options.ApplyMigrations = true;
        });
        using var app = host.Build();

        await app.StartAsync();
        var probe = app.Services.GetServices<IHostedService>().OfType<TableProbe>().Single();
        await app.StopAsync();

        Assert.True(probe.SawGrainStateTable, "the probe, registered before the migrations, ran before grain_state existed");
    }

    [Fact]
    public async Task NothingIsAppliedWhenApplyMigrationsIsFalse()
    {
        var database = await postgres.CreateDatabaseAsync("hosting");
        var (host, silo) = TestSiloBuilder.Create();
        silo.AddPostgresMigrations(options => options.ConnectionString = database);
        using var app = host.Build();

        await app.StartAsync();
        await app.StopAsync();

        Assert.Null(await Db.ScalarAsync(database, "SELECT to_regclass('schema_migrations')::text"));
        var statuses = await app.Services.GetRequiredService<PostgresMigrator>().GetStatusAsync();
        Assert.All(statuses, status => Assert.Equal(MigrationState.Pending, status.State));
    }

    /// <summary>A hosted service registered before the migrations that looks for their tables in StartAsync.</summary>
    private sealed class TableProbe(string connectionString) : IHostedService
    {
        public bool SawGrainStateTable { get; private set; }

        public async Task StartAsync(CancellationToken cancellationToken) =>
            SawGrainStateTable = await Db.ScalarAsync(connectionString, "SELECT to_regclass('grain_state') IS NOT NULL") is true;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
