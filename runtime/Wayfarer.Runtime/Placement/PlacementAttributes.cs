namespace Wayfarer.Runtime.Placement;

/// <summary>Places new activations on a random active silo that hosts the grain type (the default).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RandomPlacementAttribute : Attribute
{
}

/// <summary>Places new activations on the calling silo when it can host the grain type (a client's call: the gateway).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PreferLocalPlacementAttribute : Attribute
{
}

/// <summary>Places new activations on the silo picked by a stable hash of the grain id over the sorted active silos.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class HashBasedPlacementAttribute : Attribute
{
}
