using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Wayfarer.Runtime.Directory;
using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Client;

/// <summary>Which silo hosts which grain, as far as the client has learned from the grain directory. A miss starts a
/// lookup in the background and the call goes through any gateway meanwhile; entries expire so a grain that moved is
/// found again. Without a directory it never knows anything.</summary>
/// <remarks>A stale entry costs only a forwarding hop: the silo it names routes the call on. Thread-safe.</remarks>
internal sealed class OwnerCache(IGrainDirectory? directory, TimeProvider time, ILogger logger)
{
    private const int MaxEntries = 200_000;
    private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<GrainId, (SiloAddress Silo, DateTimeOffset LearnedAt)> _owners = new();
    private readonly ConcurrentDictionary<GrainId, byte> _lookups = new();

    public SiloAddress? Find(GrainId grain)
    {
        if (directory is null)
        {
            return null;
        }

        if (_owners.TryGetValue(grain, out var owner) && time.GetUtcNow() - owner.LearnedAt < s_lifetime)
        {
            return owner.Silo;
        }

        Learn(grain);
        return owner.Silo;
    }

    public void Forget(GrainId grain) => _owners.TryRemove(grain, out _);

    private void Learn(GrainId grain)
    {
        if (!_lookups.TryAdd(grain, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (await directory!.LookupAsync(grain) is { } address)
                {
                    if (_owners.Count >= MaxEntries)
                    {
                        _owners.Clear();
                    }

                    _owners[grain] = (address.Silo, time.GetUtcNow());
                }
            }
            catch (WayfarerException exception)
            {
                // The directory is unavailable: calls keep going through any gateway.
                ClientLog.DirectoryLookupFailed(logger, exception);
            }
            finally
            {
                _lookups.TryRemove(grain, out _);
            }
        });
    }
}
