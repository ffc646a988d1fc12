using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Wayfarer.Runtime.Hosting;

namespace Wayfarer.Runtime.Reminders;

/// <summary>Registers the in-memory reminder table on a silo.</summary>
public static class ReminderTableExtensions
{
    /// <summary>Registers a <see cref="MemoryReminderTable"/> as the silo's <see cref="IReminderTable"/>, for the
    /// service id in <see cref="ClusterOptions"/>.</summary>
    /// <remarks>The first <see cref="IReminderTable"/> registration wins. Each silo (service provider) gets its own
    /// table, so reminders do not survive a silo restart.</remarks>
    /// <param name="builder">The silo builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static ISiloBuilder UseMemoryReminderTable(this ISiloBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions();
        builder.Services.TryAddSingleton<IReminderTable>(
            services => new MemoryReminderTable(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        return builder;
    }
}
