using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Redis;

/// <summary>Registers <see cref="RedisGrainDirectory"/> on a silo.</summary>
public static class RedisGrainDirectoryExtensions
{
    /// <summary>The service key of the <see cref="IConnectionMultiplexer"/> the grain directory owns.</summary>
    public const string ConnectionServiceKey = "Wayfarer.Redis.GrainDirectory";

    /// <summary>Uses a <see cref="RedisGrainDirectory"/> for the silo's <see cref="ClusterOptions.ServiceId"/> as the
    /// <see cref="IGrainDirectory"/>.</summary>
    /// <remarks>The options bind from <see cref="RedisGrainDirectoryOptions.SectionName"/>, then
    /// <paramref name="configure"/> runs; <see cref="RedisGrainDirectoryOptionsValidator"/> checks them at start-up.
    /// <see cref="IGrainDirectory"/> is registered with TryAdd (an earlier registration wins). The directory gets its
    /// own singleton connection, keyed <see cref="ConnectionServiceKey"/>, opened on first use with
    /// <c>abortConnect=false</c> and disposed with the container.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UseRedisGrainDirectory(this ISiloBuilder builder, Action<RedisGrainDirectoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRedisGrainDirectory(builder.Services, configure);
        return builder;
    }

    /// <summary>Lets a cluster client read the grain directory, so it sends each call straight to the silo that hosts
    /// the grain instead of through any gateway.</summary>
    /// <param name="builder">The client builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static Client.IClientBuilder UseRedisGrainDirectory(this Client.IClientBuilder builder, Action<RedisGrainDirectoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRedisGrainDirectory(builder.Services, configure);
        return builder;
    }

    private static void AddRedisGrainDirectory(IServiceCollection services, Action<RedisGrainDirectoryOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RedisGrainDirectoryOptions>().BindConfiguration(RedisGrainDirectoryOptions.SectionName).Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisGrainDirectoryOptions>, RedisGrainDirectoryOptionsValidator>());
        services.TryAddKeyedSingleton<IConnectionMultiplexer>(ConnectionServiceKey, (provider, _) => RedisConnectionFactory.Connect(
            provider.GetRequiredService<IOptions<RedisGrainDirectoryOptions>>().Value.ConnectionString,
            "grain directory",
            (ILogger?)provider.GetService<ILogger<RedisGrainDirectory>>() ?? NullLogger.Instance));
        services.TryAddSingleton(provider => new RedisGrainDirectory(
            provider.GetRequiredKeyedService<IConnectionMultiplexer>(ConnectionServiceKey),
            provider.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            provider.GetRequiredService<IOptions<RedisGrainDirectoryOptions>>().Value,
            provider.GetService<ILogger<RedisGrainDirectory>>()));
        services.TryAddSingleton<IGrainDirectory>(provider => provider.GetRequiredService<RedisGrainDirectory>());
    }
}
