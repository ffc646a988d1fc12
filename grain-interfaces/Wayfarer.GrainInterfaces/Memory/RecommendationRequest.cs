using Wayfarer.Runtime;

namespace Wayfarer.GrainInterfaces.Memory;

/// <summary>Asks for catalog items that fit a user's preferences and past plans.</summary>
/// <param name="UserId">The user.</param>
[Immutable]
public sealed record RecommendationRequest(string UserId)
{
    /// <summary>The catalog collections to recommend from; null means destinations and activities.</summary>
    public IReadOnlyList<string>? Collections { get; init; }

    /// <summary>Narrowing criteria.</summary>
    public SearchFilter Filter { get; init; } = SearchFilter.None;

    /// <summary>How many to return, 1–100.</summary>
    /// <value>10.</value>
    public int Limit { get; init; } = 10;
}
