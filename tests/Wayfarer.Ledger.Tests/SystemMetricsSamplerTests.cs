using Wayfarer.Grains.Ledger;
using Wayfarer.Ledger.Tests.Support;
using Wayfarer.Testing;

namespace Wayfarer.Ledger.Tests;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Cluster")]
public sealed class SystemMetricsSamplerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ASampleRecordsTheSilosActivationsPendingCallsHeapThreadPoolAndCpu()
    {
        var db = await LedgerDatabase.CreateAsync(postgres);
        await using var cluster = await LedgerCluster.StartAsync(db, o => o.SiloName = "silo-under-test");
        await cluster.Ledger("user-a").GetLimits();
        var sampler = cluster.Service<SystemMetricsSampler>();

        await sampler.SampleAsync();
        await cluster.Service<ILedgerWriter>().FlushAsync();

        foreach (var name in new[] { "activations", "pending_calls", "gc_heap_bytes", "threadpool_queue", "cpu_percent" })
        {
            Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM system_metrics WHERE silo_id = 'silo-under-test' AND name = $1 AND service_id = $2", name, cluster.ServiceId));
        }

        Assert.True(await db.ScalarAsync<double>("SELECT value FROM system_metrics WHERE name = 'activations'") >= 1);
        Assert.True(await db.ScalarAsync<double>("SELECT value FROM system_metrics WHERE name = 'gc_heap_bytes'") > 0);
        Assert.Equal(1.0, await db.ScalarAsync<double>("SELECT value FROM system_metrics WHERE name = 'activations_by_type' AND labels->>'type' = 'ledger'"));
    }
}
