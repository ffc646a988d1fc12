using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Storage;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Grains.Hosting;

namespace Wayfarer.Grains.Memory;

/// <summary>Adds agent memory and semantic search to a silo.</summary>
public static class MemoryHostingExtensions
{
    /// <summary>Registers the memory grains, the embedding generator chosen by <see cref="MemoryEmbeddingOptions"/>
    /// (unless one is already registered), the PostgreSQL embedding store, the built-in catalog (unless another
    /// <see cref="ICatalogSource"/> is registered) and the start-up catalog load.</summary>
    /// <remarks>Needs the <c>memory_embeddings</c> table (migration <c>0010</c>): register
    /// <c>AddPostgresMigrations</c> first. Options bind from <see cref="MemoryOptions.SectionName"/> and
    /// <see cref="MemoryEmbeddingOptions.SectionName"/>, then <paramref name="configure"/> runs; both are validated at
    /// start-up.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddWayfarerMemory(this ISiloBuilder builder, string connectionString, Action<MemoryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        builder.AddGrainAssembly(typeof(UserMemoryGrain).Assembly);
        services.AddOptions<MemoryOptions>()
            .Bind(builder.Configuration.GetSection(MemoryOptions.SectionName))
            .Configure(configure ?? (_ => { }))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryOptions>>(new OptionsValidator<MemoryOptions>(o => o.Validate())));
        services.AddOptions<MemoryEmbeddingOptions>().Bind(builder.Configuration.GetSection(MemoryEmbeddingOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MemoryEmbeddingOptions>>(new OptionsValidator<MemoryEmbeddingOptions>(o => o.Validate())));
        services.TryAddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(sp => sp.GetRequiredService<IOptions<MemoryEmbeddingOptions>>().Value.Create());
        services.TryAddSingleton(_ => new MemoryEmbeddingStore(new MemoryStoreOptions { ConnectionString = connectionString }));
        services.TryAddSingleton<ICatalogSource, SeedCatalog>();
        services.TryAddSingleton<CatalogLoader>();
        services.TryAddSingleton<PlaceMatcherProvider>();
        services.TryAddSingleton(sp => new MemoryTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddHostedService<CatalogLoadHostedService>();
        services.TryAddSingleton<MemoryExpirySweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<MemoryExpirySweeper>());
        return builder;
    }
}
