using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wayfarer.Memory.Storage;

namespace Wayfarer.Grains.Memory;

/// <summary>Deletes expired memory rows of every user, active or not, every <see cref="MemoryOptions.PruneInterval"/>.
/// Active user grains also drop expired entries from RAM on their own prune timer, and searches never return them;
/// this sweep is what removes the rows of users whose grains are not active. Idempotent: every silo may run it.</summary>
public sealed class MemoryExpirySweeper(
    MemoryEmbeddingStore store,
    IOptions<MemoryOptions> options,
    TimeProvider timeProvider,
    ILogger<MemoryExpirySweeper> logger) : BackgroundService
{
    /// <summary>Deletes the rows that have expired now.</summary>
    /// <returns>The number of rows deleted.</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var deleted = await store.DeleteAllExpiredAsync(timeProvider.GetUtcNow(), cancellationToken);
        if (deleted > 0)
        {
            MemoryLog.ExpiredSwept(logger, deleted);
        }

        return deleted;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PruneInterval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
            {
                MemoryLog.SweepFailed(logger, exception);
            }
        }
    }
}
