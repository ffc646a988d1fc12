using Wayfarer.Runtime.Invocation;

namespace Wayfarer.Runtime.Client;

internal sealed partial class ClusterClient
{
    public override TGrainObserverInterface CreateObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        => throw new NotSupportedException("Observers are hosted by silos only; the cluster client cannot receive grain calls. Subscribe from a grain, or stream plan events through Redis.");

    public override void DeleteObjectReference<TGrainObserverInterface>(IGrainObserver observer)
        => throw new NotSupportedException("Observers are hosted by silos only; the cluster client cannot receive grain calls.");

    protected override IGrainReferenceRuntime ReferenceRuntime => this;

    protected override string ResolveGrainType(Type interfaceType, string? grainClassNamePrefix)
    {
        var name = interfaceType.FullName ?? interfaceType.Name;
        var candidates = _byInterface.GetValueOrDefault(name, [])
            .Where(c => grainClassNamePrefix is null || c.Class.StartsWith(grainClassNamePrefix, StringComparison.Ordinal)
                || c.Class[(c.Class.LastIndexOf('.') + 1)..].StartsWith(grainClassNamePrefix, StringComparison.Ordinal))
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0].Type,
            0 => throw new ArgumentException($"No silo in the cluster hosts a grain implementing {name}{(IsConnected ? string.Empty : " (no gateway is connected yet)")}.", nameof(interfaceType)),
            _ => throw new ArgumentException($"Several grain classes implement {name} ({string.Join(", ", candidates.Select(c => c.Class))}); pass a grain class name prefix.", nameof(interfaceType)),
        };
    }
}
