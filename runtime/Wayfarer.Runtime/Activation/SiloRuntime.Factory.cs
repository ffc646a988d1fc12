using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Activation;

internal sealed partial class SiloRuntime
{
    protected override IGrainReferenceRuntime ReferenceRuntime => this;

    protected override string ResolveGrainType(Type interfaceType, string? grainClassNamePrefix)
        => TypeManager.ResolveGrainType(interfaceType, grainClassNamePrefix);

    public override TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
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

    public override void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
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
}
