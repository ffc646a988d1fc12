using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wayfarer.Runtime.Client;
using Wayfarer.Runtime.Redis;

namespace Wayfarer.Cluster.ProcessTests.Support;

/// <summary>A cluster client hosted in the test process, finding its gateways in the Redis membership table.</summary>
public sealed class ClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClientHost(IHost host) => _host = host;

    /// <summary>The client.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Builds and starts the host; start-up waits for a gateway.</summary>
    public static async Task<ClientHost> StartAsync(SiloSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseWayfarerClient(client => client
            .UseRedisClustering(o => o.ConnectionString = settings.RedisConnectionString)
            .UseRedisGrainDirectory(o => o.ConnectionString = settings.RedisConnectionString)
            .UseCluster(settings.ServiceId, settings.ClusterId));
        var host = builder.Build();
        await host.StartAsync();
        return new ClientHost(host);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            _host.Dispose();
        }
    }
}
