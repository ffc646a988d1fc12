using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

internal sealed partial class SiloRuntime
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
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey
        => Make<TGrainInterface>(GrainId.KeyOf(primaryKey, ValidExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable
        => (TGrainInterface)(object)GrainInterfaceRegistry.GetFactory(typeof(TGrainInterface))(this, grainId);

    public TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        if (observer is not TGrainObserverInterface)
        {
            throw new ArgumentException($"The object does not implement {typeof(TGrainObserverInterface).Name}.", nameof(observer));
        }

        ActivationData activation;
        lock (_observerLock)
        {
            if (!_observers.TryGetValue(observer, out activation!) || activation.State == ActivationState.Invalid)
            {
                var id = new GrainId(ObserverPseudoGrain.TypeName, Guid.NewGuid().ToString("N"));
                activation = new ActivationData(this, TypeManager.Find(ObserverPseudoGrain.TypeName)!, id, ActivationId.NewId());
                activation.ActivateAsObserver(observer);
                Catalog.TryAdd(activation);
                _observers.AddOrUpdate(observer, activation);
            }
        }

        return GetGrain<TGrainObserverInterface>(activation.GrainId);
    }

    public void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        where TGrainObserverInterface : IGrainObserver
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_observerLock)
        {
            if (_observers.TryGetValue(observer, out var activation))
            {
                _observers.Remove(observer);
                activation.RequestDeactivation(DeactivationReason.ApplicationRequested);
                Catalog.Remove(activation);
            }
        }
    }

    private TGrainInterface Make<TGrainInterface>(string key, string? grainClassNamePrefix)
        where TGrainInterface : IAddressable
        => GetGrain<TGrainInterface>(new GrainId(TypeManager.ResolveGrainType(typeof(TGrainInterface), grainClassNamePrefix), key));

    private static string ValidExtension(string keyExtension)
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return keyExtension;
    }
}
