using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Client;

/// <summary>Adds a cluster client to a host (the API front-end).</summary>
public static class ClientHostingExtensions
{
    /// <summary>Registers <see cref="IClusterClient"/> (also as <see cref="IGrainFactory"/>); it connects when the host
    /// starts and fails start-up if no gateway answers within <see cref="ClusterClientOptions.ConnectTimeout"/>.</summary>
    public static IHostApplicationBuilder UseWayfarerClient(this IHostApplicationBuilder builder, Action<IClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName);
        services.AddOptions<ClusterClientOptions>().BindConfiguration(ClusterClientOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterClientOptions>>(new OptionsValidator<ClusterClientOptions>(o => o.Validate()));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClusterClient>();
        services.TryAddSingleton<IClusterClient>(sp => sp.GetRequiredService<ClusterClient>());
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<ClusterClient>());
        services.AddHostedService(sp => sp.GetRequiredService<ClusterClient>());
        configure(new ClientBuilder(services, builder.Configuration));
        return builder;
    }

    /// <summary>Uses a membership table instance directly (tests in one process).</summary>
    public static IClientBuilder UseMembershipTable(this IClientBuilder builder, Membership.IMembershipTable table)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(table);
        return builder;
    }

    /// <summary>Uses a grain directory instance directly (tests in one process): calls go straight to the owning silo.</summary>
    public static IClientBuilder UseGrainDirectory(this IClientBuilder builder, Directory.IGrainDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(directory);
        return builder;
    }

    /// <summary>Sets the service and cluster ids.</summary>
    public static IClientBuilder UseCluster(this IClientBuilder builder, string serviceId, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = serviceId;
            o.ClusterId = clusterId;
        });
        return builder;
    }

    private sealed class ClientBuilder(IServiceCollection services, IConfiguration configuration) : IClientBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
