using Wayfarer.GrainInterfaces.Memory;

namespace Wayfarer.Client.Search;

/// <summary>Results, best first.</summary>
/// <param name="Items">The results.</param>
/// <param name="Model">The embedding model that scored them.</param>
/// <param name="Mode">The scoring used: <c>hybrid</c> or <c>vector</c>.</param>
/// <param name="InferredCity">The city the query named and the search was narrowed to, or null.</param>
public sealed record SearchResults(IReadOnlyList<SearchHitResponse> Items, string Model, SearchMode Mode, string? InferredCity)
{
    internal static SearchResults From(SearchResponse response) =>
        new([.. response.Hits.Select(SearchHitResponse.From)], response.Model, response.Mode, response.InferredCity);

    internal static SearchResults From(MemorySearchResult result, string model) =>
        new([.. result.Hits.Select(SearchHitResponse.From)], model, SearchMode.Vector, null);
}
