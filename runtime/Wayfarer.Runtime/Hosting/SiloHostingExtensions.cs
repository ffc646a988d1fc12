using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Activation;
using Wayfarer.Runtime.Diagnostics;
using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Runtime.Hosting;

/// <summary>Adds the grain runtime to a host.</summary>
public static class SiloHostingExtensions
{
    /// <summary>Hosts a silo in this application: the grain runtime, its options (bound from <c>Wayfarer:*</c>
    /// configuration sections and validated at start) and whatever <paramref name="configure"/> adds.</summary>
    public static IHostApplicationBuilder UseWayfarerSilo(this IHostApplicationBuilder builder, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddWayfarerSilo(builder.Configuration, configure);
        return builder;
    }

    /// <summary>Registers a silo in <paramref name="services"/>; see <see cref="UseWayfarerSilo"/>.</summary>
    public static IServiceCollection AddWayfarerSilo(this IServiceCollection services, IConfiguration configuration, Action<ISiloBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = new SiloBuilder(services, configuration);
        if (!services.Any(s => s.ServiceType == typeof(SiloRuntime)))
        {
            AddCore(builder);
        }

        configure?.Invoke(builder);
        return services;
    }

    /// <summary>Makes sure the grain classes of <paramref name="assembly"/> are loaded, even if nothing references it.</summary>
    public static ISiloBuilder AddGrainAssembly(this ISiloBuilder builder, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(new GrainAssembly(assembly));
        return builder;
    }

    /// <summary>Configures the runtime options in code (after configuration binding).</summary>
    public static ISiloBuilder ConfigureRuntime(this ISiloBuilder builder, Action<GrainRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Sets the service and cluster ids.</summary>
    public static ISiloBuilder UseCluster(this ISiloBuilder builder, string serviceId, string clusterId)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<ClusterOptions>(o =>
        {
            o.ServiceId = serviceId;
            o.ClusterId = clusterId;
        });
        return builder;
    }

    /// <summary>Sets the cluster endpoint (listen address, port, advertised host) in code.</summary>
    public static ISiloBuilder ConfigureEndpoint(this ISiloBuilder builder, Action<Membership.ClusterEndpointOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Configures failure detection in code.</summary>
    public static ISiloBuilder ConfigureMembership(this ISiloBuilder builder, Action<Membership.MembershipOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Clusters silos of one process (tests) through a shared in-memory membership table and directory.</summary>
    public static ISiloBuilder UseInMemoryClustering(this ISiloBuilder builder, Membership.IMembershipTable table, Directory.IGrainDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(table);
        builder.Services.AddSingleton(directory);
        return builder;
    }

    /// <summary>Configures the reminder options in code.</summary>
    public static ISiloBuilder ConfigureReminders(this ISiloBuilder builder, Action<ReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure(configure);
        return builder;
    }

    private static void AddCore(SiloBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClusterOptions>>(new OptionsValidator<ClusterOptions>(
            o => string.IsNullOrWhiteSpace(o.ServiceId) ? $"{ClusterOptions.SectionName}:{nameof(ClusterOptions.ServiceId)} must be set."
                : string.IsNullOrWhiteSpace(o.ClusterId) ? $"{ClusterOptions.SectionName}:{nameof(ClusterOptions.ClusterId)} must be set." : null));
        services.AddOptions<GrainRuntimeOptions>().BindConfiguration(GrainRuntimeOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GrainRuntimeOptions>>(new OptionsValidator<GrainRuntimeOptions>(o => o.Validate()));
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReminderOptions>>(new OptionsValidator<ReminderOptions>(o => o.Validate()));
        services.AddOptions<Membership.MembershipOptions>().BindConfiguration(Membership.MembershipOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Membership.MembershipOptions>>(new OptionsValidator<Membership.MembershipOptions>(o => o.Validate()));
        services.AddOptions<Membership.ClusterEndpointOptions>().BindConfiguration(Membership.ClusterEndpointOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Membership.ClusterEndpointOptions>>(new OptionsValidator<Membership.ClusterEndpointOptions>(o => o.Validate()));
        services.AddMetrics();
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RuntimeMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<SiloRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>());
        services.TryAddSingleton<IRuntimeDiagnostics>(sp => new RuntimeDiagnostics(sp.GetRequiredService<SiloRuntime>()));
        services.TryAddSingleton(sp => sp.GetService<IReminderTable>() is { } table
            ? new ReminderService(table, sp.GetRequiredService<SiloRuntime>(), sp.GetRequiredService<IOptions<ReminderOptions>>(), sp.GetRequiredService<ILoggerFactory>())
            : null!);
        services.AddHostedService<SiloHostedService>();
    }

    private sealed class SiloBuilder(IServiceCollection services, IConfiguration configuration) : ISiloBuilder
    {
        public IServiceCollection Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;
    }
}
