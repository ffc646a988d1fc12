using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Client;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Testing;

/// <summary>Silos hosted inside the test process, with grain factories to call them: the role Orleans' TestCluster plays.</summary>
/// <remarks>
/// With one silo (the default) the silo runs alone, without transport. With <see cref="TestClusterBuilder.InitialSilosCount"/>
/// above one (or <see cref="TestClusterBuilder.Clustered"/>), every silo listens on a free loopback port and they form a
/// real cluster through a shared in-memory membership table and grain directory; <see cref="ConnectClientAsync"/> adds
/// a cluster client. Each cluster gets its own service id unless the builder sets one, so tests sharing a database stay
/// isolated. <see cref="RestartAsync"/> stops every silo (deactivating every grain) and starts them again.
/// </remarks>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterBuilder _builder;
    private readonly List<IHost> _silos = [];
    private readonly List<IHost> _clients = [];
    private readonly MemoryMembershipTable _membership = new();
    private readonly MemoryGrainDirectory _directory = new();

    internal TestCluster(TestClusterBuilder builder) => _builder = builder;

    /// <summary>The service id every silo of this cluster uses.</summary>
    public string ServiceId => _builder.ServiceId;

    /// <summary>The first silo's services.</summary>
    public IServiceProvider ServiceProvider => (_silos.FirstOrDefault() ?? throw new InvalidOperationException("The cluster is not started.")).Services;

    /// <summary>Makes grain references through the first silo.</summary>
    public IGrainFactory GrainFactory => ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The first silo's runtime diagnostics.</summary>
    public IRuntimeDiagnostics Diagnostics => ServiceProvider.GetRequiredService<IRuntimeDiagnostics>();

    /// <summary>The running silos' services, in start order.</summary>
    public IReadOnlyList<IServiceProvider> Silos => [.. _silos.Select(s => s.Services)];

    /// <summary>The shared membership table (clustered mode).</summary>
    public IMembershipTable MembershipTable => _membership;

    /// <summary>Creates a builder.</summary>
    public static TestClusterBuilder CreateBuilder() => new();

    /// <summary>Starts the silos.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_silos.Count > 0)
        {
            throw new InvalidOperationException("The cluster is already started.");
        }

        for (var i = 0; i < _builder.InitialSilosCount; i++)
        {
            await StartSiloAsync(cancellationToken);
        }

        await WaitForMembershipAsync(cancellationToken);
    }

    /// <summary>Waits until every running silo sees every other as active (clustered mode), so placement can use them all.</summary>
    public async Task WaitForMembershipAsync(CancellationToken cancellationToken = default)
    {
        if (!_builder.IsClustered)
        {
            return;
        }

        var runtimes = _silos.Select(s => (Activation.SiloRuntime)s.Services.GetRequiredService<IGrainFactory>()).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        while (!runtimes.All(r => r.Cluster!.Membership.ActiveSilos.Count == runtimes.Count))
        {
            foreach (var runtime in runtimes)
            {
                await runtime.Cluster!.Membership.RefreshAsync(timeout.Token);
            }

            await timer.WaitForNextTickAsync(timeout.Token);
        }
    }

    /// <summary>Starts one more silo and returns its services.</summary>
    public async Task<IServiceProvider> StartSiloAsync(CancellationToken cancellationToken = default)
    {
        var settings = new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddInMemoryCollection(_builder.Configuration);
        builder.Services.AddSingleton(_builder.TimeProvider);
        _builder.ConfigureServicesActions.ForEach(a => a(builder.Services));
        builder.UseWayfarerSilo(silo =>
        {
            silo.UseCluster(_builder.ServiceId, _builder.ClusterId);
            if (_builder.IsClustered)
            {
                silo.UseInMemoryClustering(_membership, _directory)
                    .ConfigureEndpoint(o => o.Port = 0)
                    .ConfigureMembership(o =>
                    {
                        o.ProbeInterval = TimeSpan.FromMilliseconds(250);
                        o.ProbeTimeout = TimeSpan.FromMilliseconds(500);
                        o.TableRefreshInterval = TimeSpan.FromMilliseconds(250);
                    });
            }

            _builder.ConfigureSiloActions.ForEach(a => a(silo));
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        _silos.Add(host);
        return host.Services;
    }

    /// <summary>Stops one silo gracefully (it drains: grains are deactivated, queued calls forwarded).</summary>
    public async Task StopSiloAsync(IServiceProvider silo, CancellationToken cancellationToken = default)
    {
        var host = _silos.Single(h => h.Services == silo);
        _silos.Remove(host);
        await host.StopAsync(cancellationToken);
        host.Dispose();
    }

    /// <summary>Connects a cluster client (clustered mode) and returns it.</summary>
    public async Task<IClusterClient> ConnectClientAsync(CancellationToken cancellationToken = default)
    {
        if (!_builder.IsClustered)
        {
            throw new InvalidOperationException("Clients need a clustered test cluster (InitialSilosCount > 1 or Clustered = true).");
        }

        var settings = new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddInMemoryCollection(_builder.Configuration);
        builder.UseWayfarerClient(client => client.UseCluster(_builder.ServiceId, _builder.ClusterId).UseMembershipTable(_membership).UseGrainDirectory(_directory));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        _clients.Add(host);
        return host.Services.GetRequiredService<IClusterClient>();
    }

    /// <summary>Stops every silo gracefully: every activation is deactivated.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        foreach (var client in _clients)
        {
            await client.StopAsync(cancellationToken);
            client.Dispose();
        }

        _clients.Clear();
        foreach (var host in _silos.ToArray())
        {
            _silos.Remove(host);
            await host.StopAsync(cancellationToken);
            host.Dispose();
        }
    }

    /// <summary>Stops the silos and starts fresh ones with the same configuration; nothing survives but storage.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        var count = Math.Max(1, _silos.Count);
        await StopAsync(cancellationToken);
        for (var i = 0; i < count; i++)
        {
            await StartSiloAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
