namespace Wayfarer.Runtime.Placement;

/// <summary>Lets a caller (tests, operators) ask for the silo that new activations made by its calls are placed on.</summary>
/// <remarks>The hint flows in the <see cref="RequestContext"/>; it is honoured only if that silo is active and hosts the type.</remarks>
public static class PlacementHint
{
    /// <summary>The request context key.</summary>
    public const string Key = "wayfarer.placement.silo";

    /// <summary>Asks for placement on <paramref name="silo"/> for calls in this flow.</summary>
    public static void Set(Membership.SiloAddress silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        RequestContext.Set(Key, silo.ToString());
    }

    /// <summary>Removes the hint.</summary>
    public static void Clear() => RequestContext.Remove(Key);
}
