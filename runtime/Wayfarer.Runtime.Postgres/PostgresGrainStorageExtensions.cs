using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Storage;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Registers <see cref="PostgresGrainStorage"/> providers on a silo.</summary>
public static class PostgresGrainStorageExtensions
{
    /// <summary>Registers a <see cref="PostgresGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named
    /// <paramref name="name"/>.</summary>
    /// <remarks>The options bind from <see cref="PostgresGrainStorageOptions.SectionNameFormat"/> and then
    /// <paramref name="configure"/> runs; they are validated at start-up by
    /// <see cref="PostgresGrainStorageOptionsValidator"/>. The first registration for a name wins. The
    /// <c>grain_state</c> table must exist: see <see cref="PostgresMigrationExtensions.AddPostgresMigrations"/>.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name, as named by <see cref="PersistentStateAttribute.StorageName"/>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddPostgresGrainStorage(this ISiloBuilder builder, string name, Action<PostgresGrainStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configure);
        var section = builder.Configuration.GetSection(string.Format(CultureInfo.InvariantCulture, PostgresGrainStorageOptions.SectionNameFormat, name));
        builder.Services.AddOptions<PostgresGrainStorageOptions>(name).Bind(section).Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresGrainStorageOptions>, PostgresGrainStorageOptionsValidator>());
        builder.Services.TryAddKeyedSingleton<IGrainStorage>(name, (services, _) =>
        {
            var options = services.GetRequiredService<IOptionsMonitor<PostgresGrainStorageOptions>>().Get(name);
            var serviceId = options.ServiceId ?? services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            return new PostgresGrainStorage(name, serviceId, options, services.GetService<ILogger<PostgresGrainStorage>>());
        });
        return builder;
    }

    /// <summary>Registers a <see cref="PostgresGrainStorage"/> as the default provider
    /// (<see cref="GrainStorageNames.Default"/>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddPostgresGrainStorageAsDefault(this ISiloBuilder builder, Action<PostgresGrainStorageOptions> configure) =>
        builder.AddPostgresGrainStorage(GrainStorageNames.Default, configure);
}
