namespace Wayfarer.GrainInterfaces.Users;

/// <summary>A user's subscription tier.</summary>
public enum SubscriptionTier
{
    /// <summary>The free tier.</summary>
    Free,

    /// <summary>The paid tier.</summary>
    Pro,

    /// <summary>Business accounts.</summary>
    Enterprise,
}
