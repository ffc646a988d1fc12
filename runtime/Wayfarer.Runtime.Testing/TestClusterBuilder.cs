using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Testing;

/// <summary>Configures a <see cref="TestCluster"/>.</summary>
public sealed class TestClusterBuilder
{
    internal List<Action<ISiloBuilder>> ConfigureSiloActions { get; } = [];

    internal List<Action<IServiceCollection>> ConfigureServicesActions { get; } = [];

    internal Dictionary<string, string?> Configuration { get; } = new(StringComparer.OrdinalIgnoreCase);

    internal TimeProvider TimeProvider { get; private set; } = TimeProvider.System;

    /// <summary>The service id.</summary>
    /// <value>Default: unique per builder, so clusters sharing a database never see each other's state.</value>
    public string ServiceId { get; set; } = "test-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>How many silos <see cref="TestCluster.StartAsync"/> starts.</summary>
    /// <value>Default 1.</value>
    public int InitialSilosCount { get; set; } = 1;

    /// <summary>Whether silos form a cluster (transport, membership, directory) even when there is only one.</summary>
    /// <value>Default false; always true with more than one silo.</value>
    public bool Clustered { get; set; }

    internal bool IsClustered => Clustered || InitialSilosCount > 1;

    /// <summary>The cluster id.</summary>
    /// <value>Default <c>test</c>.</value>
    public string ClusterId { get; set; } = "test";

    /// <summary>Adds silo configuration (storage, filters, options).</summary>
    public TestClusterBuilder ConfigureSilo(Action<ISiloBuilder> configure)
    {
        ConfigureSiloActions.Add(configure);
        return this;
    }

    /// <summary>Adds service registrations.</summary>
    public TestClusterBuilder ConfigureServices(Action<IServiceCollection> configure)
    {
        ConfigureServicesActions.Add(configure);
        return this;
    }

    /// <summary>Sets a configuration value (e.g. <c>Wayfarer:Runtime:ResponseTimeout</c>).</summary>
    public TestClusterBuilder WithConfiguration(string key, string? value)
    {
        Configuration[key] = value;
        return this;
    }

    /// <summary>Uses <paramref name="timeProvider"/> as the silo's clock (e.g. a <see cref="ManualTimeProvider"/>).</summary>
    public TestClusterBuilder WithTimeProvider(TimeProvider timeProvider)
    {
        TimeProvider = timeProvider;
        return this;
    }

    /// <summary>Builds the cluster (not started).</summary>
    public TestCluster Build() => new(this);
}
