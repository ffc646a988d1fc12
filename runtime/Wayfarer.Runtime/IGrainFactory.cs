namespace Wayfarer.Runtime;

/// <summary>Makes grain references and observer references.</summary>
/// <remarks>References are made locally without any I/O; the grain is activated by its first call.
/// Thread-safe.</remarks>
public interface IGrainFactory
{
    /// <summary>Gets a reference to the grain with a string key.</summary>
    /// <param name="primaryKey">The key; kept exactly as given.</param>
    /// <param name="grainClassNamePrefix">Picks the implementation when several classes implement the interface.</param>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>Gets a reference to the grain with a Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>Gets a reference to the grain with an integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>Gets a reference to the grain with a compound Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>Gets a reference to the grain with a compound integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>Gets a reference to the grain with the given id, viewed through <typeparamref name="TGrainInterface"/>.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;

    /// <summary>Makes a reference through which grains can call <paramref name="observer"/>.</summary>
    /// <remarks>The object is held until <see cref="DeleteObjectReference{TGrainObserverInterface}"/>; calls to it run one
    /// at a time.</remarks>
    TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;

    /// <summary>Stops delivering calls to an object made addressable by <see cref="CreateObjectReference{T}"/>; later
    /// calls through its references fail with <see cref="ObserverNotFoundException"/>.</summary>
    void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver;
}
