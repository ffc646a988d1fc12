namespace Wayfarer.Runtime.Invocation;

/// <summary>The <see cref="IGrainFactory"/> overloads shared by the silo runtime and the cluster client: build the key,
/// resolve the grain type for the interface (each in its own way), make the proxy.</summary>
internal abstract class GrainFactoryBase : IGrainFactory
{
    /// <summary>The runtime the references made here send their calls through.</summary>
    protected abstract IGrainReferenceRuntime ReferenceRuntime { get; }

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
        => (TGrainInterface)(object)GrainInterfaceRegistry.GetFactory(typeof(TGrainInterface))(ReferenceRuntime, grainId);

    public abstract TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;

    public abstract void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Finds the grain type implementing <paramref name="interfaceType"/>.</summary>
    /// <exception cref="ArgumentException">None does, or several do and the prefix does not pick one.</exception>
    protected abstract string ResolveGrainType(Type interfaceType, string? grainClassNamePrefix);

    private TGrainInterface Make<TGrainInterface>(string key, string? grainClassNamePrefix)
        where TGrainInterface : IAddressable
        => GetGrain<TGrainInterface>(new GrainId(ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix), key));
}
