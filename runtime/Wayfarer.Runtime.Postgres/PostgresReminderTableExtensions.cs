using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Reminders;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Registers the <see cref="PostgresReminderTable"/> on a silo.</summary>
public static class PostgresReminderTableExtensions
{
    /// <summary>Registers a <see cref="PostgresReminderTable"/> as the silo's <see cref="IReminderTable"/> (and
    /// as itself, for <see cref="PostgresReminderTable.ReadRangeAsync"/>).</summary>
    /// <remarks>The options bind from <see cref="PostgresReminderTableOptions.SectionName"/> and then
    /// <paramref name="configure"/> runs; they are validated at start-up by
    /// <see cref="PostgresReminderTableOptionsValidator"/>. The first <see cref="IReminderTable"/> registration
    /// wins. The <c>reminders</c> table must exist: see <see cref="PostgresMigrationExtensions.AddPostgresMigrations"/>.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UsePostgresReminderTable(this ISiloBuilder builder, Action<PostgresReminderTableOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PostgresReminderTableOptions>()
            .Bind(builder.Configuration.GetSection(PostgresReminderTableOptions.SectionName))
            .Configure(configure)
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PostgresReminderTableOptions>, PostgresReminderTableOptionsValidator>());
        builder.Services.TryAddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<PostgresReminderTableOptions>>().Value;
            var serviceId = options.ServiceId ?? services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            return new PostgresReminderTable(serviceId, options);
        });
        builder.Services.TryAddSingleton<IReminderTable>(services => services.GetRequiredService<PostgresReminderTable>());
        return builder;
    }
}
