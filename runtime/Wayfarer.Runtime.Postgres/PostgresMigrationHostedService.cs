using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Wayfarer.Runtime.Postgres;

/// <summary>Runs the <see cref="PostgresMigrator"/> while the host starts, when
/// <see cref="PostgresMigrationOptions.ApplyMigrations"/> is true.</summary>
/// <remarks>It migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host awaits for every
/// lifecycle service before it calls any <see cref="IHostedService.StartAsync"/>: hosted services that use the
/// tables therefore see them migrated as long as they touch the database in <c>StartAsync</c> or later. Among
/// other <c>StartingAsync</c> work the host keeps registration order, so register the migrations first. A failed
/// migration fails start-up.</remarks>
internal sealed partial class PostgresMigrationHostedService(
    PostgresMigrator migrator,
    IOptions<PostgresMigrationOptions> options,
    ILogger<PostgresMigrationHostedService> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplyMigrations)
        {
            LogSkipped(logger);
            return;
        }

        await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1, EventName = "MigrationsSkipped", Level = LogLevel.Information,
        Message = "Not applying database migrations at start-up (Wayfarer:Migrations:ApplyMigrations is false).")]
    private static partial void LogSkipped(ILogger logger);
}
