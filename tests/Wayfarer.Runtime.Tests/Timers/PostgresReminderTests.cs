using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;
using Wayfarer.Runtime.Tests.Grains;
using Wayfarer.Testing;

namespace Wayfarer.Runtime.Tests.Timers;

[Trait("Category", "Integration")]
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task RemindersAreDurableInPostgresAndKeepFiringAfterAFullRestart()
    {
        var connectionString = await postgres.CreateDatabaseAsync("remind");
        await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        await using var cluster = TestCluster.CreateBuilder()
            .ConfigureSilo(silo => silo
                .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString)
                .UsePostgresReminderTable(o => o.ConnectionString = connectionString)
                .ConfigureReminders(o => o.MinimumReminderPeriod = TimeSpan.Zero))
            .Build();
        await cluster.StartAsync();
        var key = Clusters.Unique("durable");

        // Registered with a due time far enough out that it cannot fire before the restart.
        await cluster.GrainFactory.GetGrain<IReminderGrain>(key).Register("r", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));
        await cluster.RestartAsync();

        Assert.Equal(0, Probe.Count($"{key}:r"));
        Assert.Equal(0, cluster.Diagnostics.ActivationCount);
        await Probe.Within(Probe.Signal($"{key}:r:3").Task, "three ticks after the restart, with no call activating the grain");
    }
}
