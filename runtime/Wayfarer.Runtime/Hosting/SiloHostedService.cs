using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Membership;
using Wayfarer.Runtime.Placement;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Transport;

namespace Wayfarer.Runtime.Hosting;

/// <summary>Starts the grain runtime with the host and stops it gracefully (SIGTERM included). In a cluster (a membership
/// table is registered) it also starts the transport, joins the membership, and on stop drains the silo: no new
/// placements, every activation deactivated and persisted, queued calls forwarded, then it leaves the table.</summary>
internal sealed class SiloHostedService(SiloRuntime runtime, IServiceProvider services, IHostApplicationLifetime lifetime, ILoggerFactory loggerFactory)
    : IHostedService
{
    private ReminderService? _reminders;
    private ClusterState? _cluster;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IMembershipTable>() is { } table)
        {
            _cluster = await StartClusterAsync(table, cancellationToken);
        }

        runtime.Start();
        _reminders = services.GetService<ReminderService>();
        if (_reminders is not null)
        {
            if (_cluster is { } cluster)
            {
                _reminders.Ownership = cluster.Placement.IsHashOwner;
            }

            await _reminders.StartAsync(cancellationToken);
        }

        if (_cluster is not null)
        {
            await _cluster.Membership.SetStatusAsync(SiloStatus.Active, cancellationToken);
        }
    }

    private async Task<ClusterState> StartClusterAsync(IMembershipTable table, CancellationToken cancellationToken)
    {
        var directory = services.GetService<IGrainDirectory>()
            ?? throw new InvalidOperationException("A membership table is registered but no grain directory: add UseRedisGrainDirectory (or the in-memory one for tests).");
        var endpoint = services.GetRequiredService<IOptions<ClusterEndpointOptions>>().Value;
        var ids = services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        var time = services.GetRequiredService<TimeProvider>();
        var listen = new IPEndPoint(IPAddress.Parse(endpoint.ListenAddress), endpoint.Port);
        var host = endpoint.AdvertisedHost ?? (listen.Address.Equals(IPAddress.Any) ? Dns.GetHostName() : endpoint.ListenAddress);
        var transport = new ClusterTransport(loggerFactory, new SiloAddress(host, endpoint.Port, time.GetUtcNow().UtcTicks), listen, ids.ServiceId, ids.ClusterId);
        var self = new MembershipEntry
        {
            Silo = transport.LocalSilo,
            Status = SiloStatus.Joining,
            SiloName = $"{Environment.MachineName}-{Environment.ProcessId}",
            HostName = Environment.MachineName,
            StartTime = time.GetUtcNow(),
            GrainTypes = [.. runtime.TypeManager.Types.Where(t => !t.IsObserver).Select(t => t.Name)],
        };

        // Membership starts after the listener binds, so the advertised port is the real one. Nobody sends frames here
        // before the silo joins the table, which happens after the runtime is attached below.
        transport.Handler = runtime;
        await transport.StartAsync(cancellationToken);
        var membership = new MembershipService(
            table,
            services.GetRequiredService<IOptions<MembershipOptions>>().Value,
            time,
            loggerFactory.CreateLogger("Wayfarer.Runtime.Membership"),
            self with { Silo = transport.LocalSilo },
            async (silo, timeout) =>
            {
                try
                {
                    var connection = await transport.GetConnectionAsync(silo);
                    return await connection.PingAsync(timeout, time);
                }
                catch (WayfarerException exception) when (exception.IsTransient)
                {
                    // Unreachable or broken: a missed probe.
                    return false;
                }
            })
        { ClusterId = ids.ClusterId };
        membership.DeclaredDead += () => lifetime.StopApplication();
        var state = new ClusterState(transport, membership, directory, new PlacementService(membership), new MessageCodec(runtime.JsonOptions));
        runtime.AttachCluster(state);
        await membership.JoinAsync(cancellationToken);
        return state;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_cluster is not null && _cluster.Membership.Status == SiloStatus.Active)
        {
            await _cluster.Membership.SetStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
            await _cluster.Transport.SendGoAwayToClientsAsync();
        }

        if (_reminders is not null)
        {
            await _reminders.StopAsync();
        }

        await runtime.StopAsync(cancellationToken);
        if (_cluster is not null)
        {
            await _cluster.Membership.LeaveAsync(cancellationToken);

            // Keep answering (and forwarding) for a moment: peers learn from the table that this silo is gone, and
            // calls already on their way here finish instead of breaking with the connection.
            var options = services.GetRequiredService<IOptions<MembershipOptions>>().Value;
            var time = services.GetRequiredService<TimeProvider>();
            var until = time.GetUtcNow() + options.TableRefreshInterval * 2;
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50), time);
            while (time.GetUtcNow() < until || (!_cluster.Inbound.IsEmpty && time.GetUtcNow() < until + TimeSpan.FromSeconds(10)))
            {
                await timer.WaitForNextTickAsync(cancellationToken);
            }

            await _cluster.Transport.DisposeAsync();
        }
    }
}
