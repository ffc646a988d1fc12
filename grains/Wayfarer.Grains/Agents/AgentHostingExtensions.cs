using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wayfarer.Grains.Agents.Events;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Agents.Orchestration;
using Wayfarer.Grains.Agents.Telemetry;
using Wayfarer.Grains.Hosting;
using Wayfarer.Planning.Catalog;
using Wayfarer.Planning.Offline;
using Wayfarer.Runtime.Filters;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Grains.Agents;

/// <summary>Registers the agents.</summary>
public static class AgentHostingExtensions
{
    /// <summary>Adds the orchestrator and specialist agent grains, the offline planner over the embedded catalogue, the
    /// model layer (options from <c>Wayfarer:Models</c>), the run settings (<c>Wayfarer:Agents</c>) and the call filter
    /// that records agent-to-agent messages. Needs an <see cref="Ledger.ILedgerWriter"/> (the ledger registration).</summary>
    public static ISiloBuilder AddWayfarerAgents(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        builder.AddGrainAssembly(typeof(OrchestratorGrain).Assembly);
        services.AddOptions<ModelOptions>().Bind(builder.Configuration.GetSection(ModelOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelOptions>>(new OptionsValidator<ModelOptions>(o => o.Validate())));
        services.AddOptions<AgentOptions>().Bind(builder.Configuration.GetSection(AgentOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AgentOptions>>(new OptionsValidator<AgentOptions>(o => o.Validate())));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => PlanningData.Default);
        services.TryAddSingleton(sp => new OfflinePlanner(sp.GetRequiredService<PlanningData>()));
        services.TryAddSingleton(sp => new MessageInterpreter(sp.GetRequiredService<PlanningData>()));
        services.TryAddSingleton<PriceTable>();
        services.TryAddSingleton<IModelResolver, ModelResolver>();
        services.TryAddSingleton<IChatClientFactory, OpenAIChatClientFactory>();
        services.TryAddSingleton(sp => new AgentMetrics(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.TryAddSingleton<AgentExecutionLog>();
        services.TryAddSingleton<RunPipeline>();
        services.TryAddSingleton<Watch.PlanWatchMarker>();
        services.TryAddSingleton<IPlanChangeNotifier>(sp => PlanChangeNotifier(sp, builder.Configuration));
        builder.AddOutgoingGrainCallFilter<AgentCommunicationFilter>();
        return builder;
    }

    /// <summary>Redis when the silo has it (a cluster, or the API hosting the runtime): the multiplexer already in the
    /// container if there is one, else a connection of its own on first use.</summary>
    private static IPlanChangeNotifier PlanChangeNotifier(IServiceProvider services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return new NoPlanChangeNotifier();
        }

        var redis = new Lazy<IConnectionMultiplexer>(() => services.GetService<IConnectionMultiplexer>() ?? Connect(connectionString));
        return new RedisPlanChangeNotifier(redis, configuration["Wayfarer:Api:RedisKeyPrefix"] ?? "wf:", services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<RedisPlanChangeNotifier>>());
    }

    private static ConnectionMultiplexer Connect(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        return ConnectionMultiplexer.Connect(options);
    }
}
