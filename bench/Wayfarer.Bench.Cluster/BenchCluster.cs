using System.Diagnostics;
using Wayfarer.Cluster.ProcessTests.Support;
using Wayfarer.GrainInterfaces.Demo;
using Wayfarer.Runtime;

namespace Wayfarer.Bench.Cluster;

/// <summary>N silo processes and a connected client with every benchmark grain already active.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{
    private readonly List<SiloProcess> _silos;
    private readonly ClientHost _client;

    private BenchCluster(List<SiloProcess> silos, ClientHost client, string[] keys)
    {
        _silos = silos;
        _client = client;
        Keys = keys;
    }

    public IGrainFactory Grains => _client.Client;

    public IReadOnlyList<string> Keys { get; }

    public static async Task<BenchCluster> StartAsync(BenchServers servers, int silos, int grains)
    {
        var settings = new SiloSettings(servers.Postgres, servers.Redis, $"bench-calls-{Guid.NewGuid():N}"[..33], servers.LogDirectory);
        var processes = new List<SiloProcess> { await SiloProcess.StartAsync(settings, "silo-1") };
        processes.AddRange(await Task.WhenAll(Enumerable.Range(2, silos - 1).Select(i => SiloProcess.StartAsync(settings, $"silo-{i}"))));
        var client = await ClientHost.StartAsync(settings);
        var clock = Stopwatch.StartNew();
        while (client.Client.ConnectedGateways.Count < silos && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(50);
        }

        var keys = Enumerable.Range(0, grains).Select(i => $"bench-{i}").ToArray();
        await Task.WhenAll(keys.Select(k => client.Client.GetGrain<ICounterGrain>(k).Get()));
        return new BenchCluster(processes, client, keys);
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await Task.WhenAll(_silos.Select(s => s.StopAsync()));
        await Task.WhenAll(_silos.Select(s => s.DisposeAsync().AsTask()));
    }
}
