using Wayfarer.Runtime.Membership;

namespace Wayfarer.Runtime.Directory;

/// <summary>An in-process <see cref="IGrainDirectory"/> for tests and single-machine development: the same
/// semantics as the Redis directory, without durability or expiry.</summary>
/// <remarks>Every operation runs under one lock, so each is atomic and all are linearizable. An entry is replaced
/// only when the registering caller names the current entry exactly (same silo and activation), and removed only
/// by the activation it names.</remarks>
public sealed class MemoryGrainDirectory : IGrainDirectory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<GrainId, GrainAddress> _entries = [];

    /// <inheritdoc />
    public Task<GrainAddress> RegisterAsync(GrainAddress address, GrainAddress? previousAddress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (previousAddress is not null && previousAddress.GrainId != address.GrainId)
        {
            throw new ArgumentException($"The previous address is of grain '{previousAddress.GrainId}', not '{address.GrainId}'.", nameof(previousAddress));
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            if (_entries.TryGetValue(address.GrainId, out var current)
                && (previousAddress is null || current.Silo != previousAddress.Silo || current.ActivationId != previousAddress.ActivationId))
            {
                return Task.FromResult(current);
            }

            _entries[address.GrainId] = address;
            return Task.FromResult(address);
        }
    }

    /// <inheritdoc />
    public Task<bool> UnregisterAsync(GrainAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            var removed = _entries.TryGetValue(address.GrainId, out var current)
                && current.ActivationId == address.ActivationId
                && _entries.Remove(address.GrainId);
            return Task.FromResult(removed);
        }
    }

    /// <inheritdoc />
    public Task<GrainAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            return Task.FromResult(_entries.GetValueOrDefault(grainId));
        }
    }

    /// <inheritdoc />
    public Task UnregisterSilosAsync(IReadOnlyCollection<SiloAddress> silos, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(silos);
        cancellationToken.ThrowIfCancellationRequested();
        var dead = silos.ToHashSet();
        lock (_lock)
        {
            foreach (var grainId in _entries.Where(pair => dead.Contains(pair.Value.Silo)).Select(pair => pair.Key).ToList())
            {
                _entries.Remove(grainId);
            }
        }

        return Task.CompletedTask;
    }
}
