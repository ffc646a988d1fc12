namespace Wayfarer.Runtime.Activation;

/// <summary>Stands in as the "grain class" of observer activations (objects made addressable with CreateObjectReference).</summary>
internal sealed class ObserverPseudoGrain
{
    public const string TypeName = "sys.observer";
}
