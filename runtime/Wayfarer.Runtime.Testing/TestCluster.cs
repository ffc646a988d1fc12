using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Testing;

/// <summary>A silo hosted inside the test process, with a grain factory to call it: the role Orleans' TestCluster plays.</summary>
/// <remarks>Each cluster gets its own service id unless the builder sets one, so tests sharing a database stay isolated.
/// <see cref="RestartAsync"/> stops the silo (deactivating every grain) and starts a new one with the same configuration,
/// the way a full silo restart would.</remarks>
public sealed class TestCluster : IAsyncDisposable
{
    private readonly TestClusterBuilder _builder;
    private IHost? _host;

    internal TestCluster(TestClusterBuilder builder) => _builder = builder;

    /// <summary>The service id every silo of this cluster uses.</summary>
    public string ServiceId => _builder.ServiceId;

    /// <summary>The running silo's services.</summary>
    public IServiceProvider ServiceProvider => (_host ?? throw new InvalidOperationException("The cluster is not started.")).Services;

    /// <summary>Makes grain references into the cluster.</summary>
    public IGrainFactory GrainFactory => ServiceProvider.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's runtime diagnostics.</summary>
    public IRuntimeDiagnostics Diagnostics => ServiceProvider.GetRequiredService<IRuntimeDiagnostics>();

    /// <summary>Creates a builder.</summary>
    public static TestClusterBuilder CreateBuilder() => new();

    /// <summary>Starts the silo.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_host is not null)
        {
            throw new InvalidOperationException("The cluster is already started.");
        }

        var settings = new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = Environments.Development };
        var builder = Host.CreateApplicationBuilder(settings);
        builder.Configuration.AddInMemoryCollection(_builder.Configuration);
        builder.Services.AddSingleton(_builder.TimeProvider);
        _builder.ConfigureServicesActions.ForEach(a => a(builder.Services));
        builder.UseWayfarerSilo(silo =>
        {
            silo.UseCluster(_builder.ServiceId, _builder.ClusterId);
            _builder.ConfigureSiloActions.ForEach(a => a(silo));
        });
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        _host = host;
    }

    /// <summary>Stops the silo gracefully: every activation is deactivated.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_host is { } host)
        {
            _host = null;
            await host.StopAsync(cancellationToken);
            host.Dispose();
        }
    }

    /// <summary>Stops the silo and starts a fresh one with the same configuration; nothing survives but storage.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync(cancellationToken);
        await StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync();
}
