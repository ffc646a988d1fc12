using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Client;

internal sealed partial class ClusterClient
{
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Make<TGrainInterface>(primaryKey, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey, keyExtension ?? throw new ArgumentNullException(nameof(keyExtension))), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey, keyExtension ?? throw new ArgumentNullException(nameof(keyExtension))), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
        => (TGrainInterface)(object)GrainInterfaceRegistry.GetFactory(typeof(TGrainInterface))(this, grainId);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
        => throw new NotSupportedException("Observers are hosted by silos only; the cluster client cannot receive grain calls. Subscribe from a grain, or stream plan events through Redis.");

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
        => throw new NotSupportedException("Observers are hosted by silos only; the cluster client cannot receive grain calls.");

    private TGrainInterface Make<TGrainInterface>(string key, string? grainClassNamePrefix)
        where TGrainInterface : IAddressable
    {
        var name = typeof(TGrainInterface).FullName ?? typeof(TGrainInterface).Name;
        var candidates = _byInterface.GetValueOrDefault(name, [])
            .Where(c => grainClassNamePrefix is null || c.Class.StartsWith(grainClassNamePrefix, StringComparison.Ordinal)
                || c.Class[(c.Class.LastIndexOf('.') + 1)..].StartsWith(grainClassNamePrefix, StringComparison.Ordinal))
            .ToList();
        var type = candidates.Count switch
        {
            1 => candidates[0].Type,
            0 => throw new ArgumentException($"No silo in the cluster hosts a grain implementing {name}{(IsConnected ? string.Empty : " (no gateway is connected yet)")}.", nameof(TGrainInterface)),
            _ => throw new ArgumentException($"Several grain classes implement {name} ({string.Join(", ", candidates.Select(c => c.Class))}); pass a grain class name prefix.", nameof(TGrainInterface)),
        };
        return GetGrain<TGrainInterface>(new GrainId(type, key));
    }
}
