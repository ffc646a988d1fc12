using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Wayfarer.Grains.Memory;

/// <summary>Embeds the catalog when the silo starts, if <see cref="MemoryOptions.LoadCatalogOnStart"/> is set. Runs
/// after the silo's own hosted service, so grains are callable; idempotent, so every silo may run it.</summary>
internal sealed class CatalogLoadHostedService(CatalogLoader loader, IOptions<MemoryOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.LoadCatalogOnStart ? loader.LoadAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
