using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Storage;

/// <summary>Registers the in-memory grain storage provider on a silo.</summary>
public static class GrainStorageExtensions
{
    /// <summary>Registers a <see cref="MemoryGrainStorage"/> as the keyed <see cref="IGrainStorage"/> named
    /// <paramref name="name"/>, for the service id in <see cref="ClusterOptions"/>.</summary>
    /// <remarks>The first registration for a name wins; calling this again with the same name does nothing.
    /// Each silo (service provider) gets its own store.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="name">The provider name; <see cref="GrainStorageNames.Default"/> unless given.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddMemoryGrainStorage(this ISiloBuilder builder, string name = GrainStorageNames.Default)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(name);
        builder.Services.AddOptions();
        builder.Services.TryAddKeyedSingleton<IGrainStorage>(
            name,
            (services, _) => new MemoryGrainStorage(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return builder;
    }

    /// <summary>Registers a <see cref="MemoryGrainStorage"/> as the default provider
    /// (<see cref="GrainStorageNames.Default"/>).</summary>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddMemoryGrainStorageAsDefault(this ISiloBuilder builder) =>
        builder.AddMemoryGrainStorage(GrainStorageNames.Default);
}
