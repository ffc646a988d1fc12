using Microsoft.Extensions.DependencyInjection;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;

namespace Wayfarer.Ledger.Tests.Support;

/// <summary>A test silo with the ledger feature: grain state and reminders in <see cref="LedgerDatabase"/>, the ledger
/// writer on <c>ledgerConnectionString</c> (the same database unless a test points it elsewhere), reminders allowed at
/// one-second periods, background maintenance and metrics sampling off (tests run them directly).</summary>
internal sealed class LedgerCluster : IAsyncDisposable
{
    private LedgerCluster(TestCluster cluster) => Cluster = cluster;

    public TestCluster Cluster { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public string ServiceId => Cluster.ServiceId;

    public IUserLedgerGrain Ledger(string userId) => Grains.GetGrain<IUserLedgerGrain>(userId);

    public T Service<T>()
        where T : notnull => Cluster.ServiceProvider.GetRequiredService<T>();

    public static async Task<LedgerCluster> StartAsync(
        LedgerDatabase database,
        Action<LedgerOptions>? configure = null,
        TimeProvider? clock = null,
        string? serviceId = null,
        string? ledgerConnectionString = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = TestCluster.CreateBuilder();
        if (serviceId is not null)
        {
            builder.ServiceId = serviceId;
        }

        if (clock is not null)
        {
            builder.WithTimeProvider(clock);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.WithConfiguration(key, value);
        }

        builder.ConfigureSilo(silo => silo
            .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = database.ConnectionString)
            .UsePostgresReminderTable(o => o.ConnectionString = database.ConnectionString)
            .ConfigureReminders(o =>
            {
                o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                o.RefreshInterval = TimeSpan.FromSeconds(1);
            })
            .AddWayfarerLedger(ledgerConnectionString ?? database.ConnectionString, o =>
            {
                o.EnableMaintenance = false;
                o.MetricsInterval = TimeSpan.Zero;
                o.OutboxReminderPeriod = TimeSpan.FromSeconds(1);
                o.RetryDelay = TimeSpan.FromMilliseconds(20);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(200);
                o.ShutdownTimeout = TimeSpan.FromSeconds(2);
                configure?.Invoke(o);
            }));
        var cluster = builder.Build();
        await cluster.StartAsync();
        return new LedgerCluster(cluster);
    }

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
