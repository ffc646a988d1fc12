namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>The vector collection names: three private (owned by one user) and three shared (the catalog).</summary>
public static class MemoryCollections
{
    /// <summary>Preferences a user stated or the agents inferred (private).</summary>
    public const string UserPreferences = "user_preferences";

    /// <summary>What the agents remembered from conversations; expires and is pruned by relevance (private).</summary>
    public const string AgentMemory = "agent_memory";

    /// <summary>A user's travel plans (private).</summary>
    public const string TravelPlans = "travel_plans";

    /// <summary>Destinations: cities, districts, landmarks (shared).</summary>
    public const string Destinations = "destinations";

    /// <summary>Activities: temples, food, museums, tours (shared).</summary>
    public const string Activities = "activities";

    /// <summary>Guides and articles (shared).</summary>
    public const string Content = "content";

    /// <summary>The private collections.</summary>
    public static IReadOnlyList<string> Private { get; } = [UserPreferences, AgentMemory, TravelPlans];

    /// <summary>The shared catalog collections.</summary>
    public static IReadOnlyList<string> Shared { get; } = [Destinations, Activities, Content];

    /// <summary>Whether <paramref name="collection"/> is a private collection.</summary>
    public static bool IsPrivate(string collection) => Private.Contains(collection, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="collection"/> is a shared catalog collection.</summary>
    public static bool IsShared(string collection) => Shared.Contains(collection, StringComparer.Ordinal);
}
