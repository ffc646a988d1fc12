using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Redis;

/// <summary>Registers <see cref="RedisMembershipTable"/> on a silo.</summary>
public static class RedisClusteringExtensions
{
    /// <summary>The service key of the <see cref="IConnectionMultiplexer"/> the membership table owns.</summary>
    public const string ConnectionServiceKey = "Wayfarer.Redis.Clustering";

    /// <summary>Uses a <see cref="RedisMembershipTable"/> for the silo's <see cref="ClusterOptions.ServiceId"/> and
    /// <see cref="ClusterOptions.ClusterId"/> as the <see cref="IMembershipTable"/>.</summary>
    /// <remarks>The options bind from <see cref="RedisClusteringOptions.SectionName"/>, then
    /// <paramref name="configure"/> runs; <see cref="RedisClusteringOptionsValidator"/> checks them at start-up.
    /// <see cref="IMembershipTable"/> is registered with TryAdd (an earlier registration wins). The table gets its own
    /// singleton connection, keyed <see cref="ConnectionServiceKey"/>, opened on first use with
    /// <c>abortConnect=false</c> and disposed with the container.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UseRedisClustering(this ISiloBuilder builder, Action<RedisClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRedisMembershipTable(builder.Services, configure);
        return builder;
    }

    /// <summary>Lets a cluster client find its gateways in the <see cref="RedisMembershipTable"/> the silos use.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static Client.IClientBuilder UseRedisClustering(this Client.IClientBuilder builder, Action<RedisClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRedisMembershipTable(builder.Services, configure);
        return builder;
    }

    private static void AddRedisMembershipTable(IServiceCollection services, Action<RedisClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisClusteringOptions>().BindConfiguration(RedisClusteringOptions.SectionName).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisClusteringOptions>, RedisClusteringOptionsValidator>());
        services.TryAddKeyedSingleton<IConnectionMultiplexer>(ConnectionServiceKey, (provider, _) => RedisConnectionFactory.Connect(
            provider.GetRequiredService<IOptions<RedisClusteringOptions>>().Value.ConnectionString,
            "membership table",
            (ILogger?)provider.GetService<ILogger<RedisMembershipTable>>() ?? NullLogger.Instance));
        services.TryAddSingleton(provider =>
        {
            var cluster = provider.GetRequiredService<IOptions<ClusterOptions>>().Value;
            return new RedisMembershipTable(
                provider.GetRequiredKeyedService<IConnectionMultiplexer>(ConnectionServiceKey),
                cluster.ServiceId,
                cluster.ClusterId,
                provider.GetRequiredService<IOptions<RedisClusteringOptions>>().Value,
                provider.GetService<ILogger<RedisMembershipTable>>());
        });
        services.TryAddSingleton<IMembershipTable>(provider => provider.GetRequiredService<RedisMembershipTable>());
    }
}
