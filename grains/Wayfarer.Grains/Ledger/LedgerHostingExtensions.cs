using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Grains.Hosting;

namespace Wayfarer.Grains.Ledger;

/// <summary>Adds the agent ledgers and spend caps to a silo.</summary>
public static class LedgerHostingExtensions
{
    /// <summary>Registers the user ledger grains, the batched <see cref="ILedgerWriter"/> (also the
    /// <see cref="ICostWriter"/> of the grains' outboxes), <see cref="LedgerMaintenance"/> and the
    /// <see cref="SystemMetricsSampler"/>.</summary>
    /// <remarks>Needs the tables of migration <c>0020_agent_ledgers.sql</c> (register <c>AddPostgresMigrations</c>) and a
    /// reminder table. Options bind from <see cref="LedgerOptions.SectionName"/>, then <paramref name="configure"/> runs;
    /// they are validated at start-up. The writer's buffer is drained when the host disposes it, after the silo has
    /// deactivated its grains.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static ISiloBuilder AddWayfarerLedger(this ISiloBuilder builder, string connectionString, Action<LedgerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var services = builder.Services;
        builder.AddGrainAssembly(typeof(UserLedgerGrain).Assembly);
        services.AddOptions<LedgerOptions>()
            .Bind(builder.Configuration.GetSection(LedgerOptions.SectionName))
            .Configure(configure ?? (_ => { }))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedgerOptions>>(new OptionsValidator<LedgerOptions>(o => o.Validate())));
        services.TryAddSingleton(_ => new LedgerDataSource(connectionString));
        services.TryAddSingleton(sp => new LedgerTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        // The writer's waits are about I/O, so they run on real time even when the silo's clock is a test clock.
        services.TryAddSingleton(sp => new LedgerWriter(
            sp.GetRequiredService<LedgerDataSource>().DataSource,
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
            sp.GetRequiredService<IOptions<LedgerOptions>>().Value,
            sp.GetRequiredService<LedgerTelemetry>(),
            TimeProvider.System,
            sp.GetRequiredService<ILogger<LedgerWriter>>()));
        services.TryAddSingleton<ILedgerWriter>(sp => sp.GetRequiredService<LedgerWriter>());
        services.TryAddSingleton<ICostWriter>(sp => sp.GetRequiredService<LedgerWriter>());
        services.TryAddSingleton<LedgerMaintenance>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerMaintenance>());
        services.TryAddSingleton<SystemMetricsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<SystemMetricsSampler>());
        return builder;
    }
}
