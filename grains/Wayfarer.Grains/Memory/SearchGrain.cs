using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Memory.Catalog;
using Wayfarer.Memory.Embeddings;
using Wayfarer.Memory.Storage;
using Wayfarer.Runtime;

namespace Wayfarer.Grains.Memory;

/// <summary>The memory search facade; see <see cref="ISearchGrain"/>.</summary>
[StatelessWorker]
[GrainType("memory-search")]
public sealed partial class SearchGrain(
    IEmbeddingGenerator<string, Embedding<float>> generator,
    MemoryEmbeddingStore store,
    IOptions<MemoryOptions> options,
    PlaceMatcherProvider places,
    MemoryTelemetry telemetry,
    TimeProvider timeProvider) : Grain, ISearchGrain
{
    /// <summary>The largest limit a request may ask for.</summary>
    public const int MaxLimit = 100;

    private readonly MemoryOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<SearchResponse> SearchAsync(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Query);
        ValidateLimit(request.Limit);
        var diversity = request.Diversity ?? _options.Diversity;
        if (diversity is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), diversity, "Diversity must be between 0 and 1.");
        }

        var started = Stopwatch.GetTimestamp();
        using var activity = MemoryTelemetry.ActivitySource.StartActivity("memory.search");
        var (privateCollections, sharedCollections) = Split(request.Collections, request.UserId);
        var city = request.InferCity && _options.InferCityFromQuery && request.Filter.City is null ? places.Matcher.FindIn(request.Query) : null;
        var aspects = QueryAspects.Split(request.Query);
        var answers = await Task.WhenAll(aspects.Select(a => SearchAspectAsync(request, a, city, diversity, privateCollections, sharedCollections)));
        var hits = Interleave([.. answers.Select(a => a.Hits)], request.Limit);
        activity?.SetTag("memory.aspects", aspects.Count);
        activity?.SetTag("memory.hits", hits.Count);
        telemetry.RecordSearch("search", started);
        return new SearchResponse(hits, generator.GetSpace().Model, request.Mode) { GrainsSearched = answers.Sum(a => a.Grains), InferredCity = city };
    }

    /// <inheritdoc />
    public async Task<SearchResponse> RecommendAsync(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UserId);
        ValidateLimit(request.Limit);
        var collections = request.Collections ?? [MemoryCollections.Destinations, MemoryCollections.Activities];
        var (_, shared) = Split(collections, null);
        var profile = await GrainFactory.GetGrain<IUserMemoryGrain>(request.UserId).GetProfileQueryAsync(request.Limit);
        if (profile is null)
        {
            return new SearchResponse([], generator.GetSpace().Model, SearchMode.Vector);
        }

        var started = Stopwatch.GetTimestamp();
        var (hits, searched) = await FanOutAsync(null, profile with { Filter = request.Filter, Mode = SearchMode.Vector }, [], shared, []);
        telemetry.RecordSearch("recommend", started);
        return new SearchResponse([.. hits.Select(h => h.Hit)], profile.Model, SearchMode.Vector) { GrainsSearched = searched };
    }

    /// <inheritdoc />
    public async Task<SearchResponse> SimilarPlansAsync(string userId, string planId, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(planId);
        ValidateLimit(limit);
        var started = Stopwatch.GetTimestamp();
        var user = GrainFactory.GetGrain<IUserMemoryGrain>(userId);
        var plan = await user.GetItemQueryAsync(MemoryCollections.TravelPlans, planId, limit);
        if (plan is null)
        {
            return new SearchResponse([], generator.GetSpace().Model, SearchMode.Vector);
        }

        var query = plan with { Collections = [MemoryCollections.TravelPlans], Filter = new SearchFilter { ExcludeIds = [planId] }, Mode = SearchMode.Vector };
        var result = await user.SearchAsync(query);
        telemetry.RecordSearch("similar-plans", started);
        return new SearchResponse(result.Hits, plan.Model, SearchMode.Vector) { GrainsSearched = 1 };
    }

    /// <inheritdoc />
    public Task<int> EraseUserAsync(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return GrainFactory.GetGrain<IUserMemoryGrain>(userId).EraseAsync();
    }

    /// <inheritdoc />
    public Task<CatalogLoadResult> LoadCatalogAsync() => ServiceProvider.GetRequiredService<CatalogLoader>().LoadAsync();

    private static void ValidateLimit(int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be between 1 and {MaxLimit}.");
        }
    }
}
