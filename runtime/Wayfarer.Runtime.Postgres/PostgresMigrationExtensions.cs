using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Registers the <see cref="PostgresMigrator"/> and its start-up step on a silo.</summary>
public static class PostgresMigrationExtensions
{
    /// <summary>Registers a <see cref="PostgresMigrator"/> singleton and a hosted service that applies the pending
    /// migrations while the host starts when <see cref="PostgresMigrationOptions.ApplyMigrations"/> is true.</summary>
    /// <remarks>Call this before registering any other hosted service: the migrations run in the host's
    /// <c>StartingAsync</c> phase, ahead of every hosted service's <c>StartAsync</c>, and ahead of other
    /// <c>StartingAsync</c> work registered after it. The options bind from
    /// <see cref="PostgresMigrationOptions.SectionName"/> and then <paramref name="configure"/> runs; they are validated
    /// at start-up by <see cref="PostgresMigrationOptionsValidator"/>, before any migration runs.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder AddPostgresMigrations(this ISiloBuilder builder, Action<PostgresMigrationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgresMigrationOptions>()
            .Bind(builder.Configuration.GetSection(PostgresMigrationOptions.SectionName))
            .Configure(configure)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresMigrationOptions>, PostgresMigrationOptionsValidator>());
        builder.Services.TryAddSingleton(services => new PostgresMigrator(
            services.GetRequiredService<IOptions<PostgresMigrationOptions>>().Value,
            services.GetService<ILogger<PostgresMigrator>>()));
        builder.Services.AddHostedService<PostgresMigrationHostedService>();
        return builder;
    }
}
