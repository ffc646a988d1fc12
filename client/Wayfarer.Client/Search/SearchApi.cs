using Wayfarer.Client.Infrastructure;
using Wayfarer.Client.Plans;
using Wayfarer.GrainInterfaces.Memory;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Search;

/// <summary>Semantic search over the shared catalog and the caller's own vectors, recommendations, and similar plans.
/// The user id given to the memory grains is always the authenticated caller's, so nobody reaches another user's
/// private vectors.</summary>
internal static class SearchApi
{
    private static readonly IReadOnlyList<string> SearchCollections = [.. MemoryCollections.Shared, .. MemoryCollections.Private];

    public static RouteGroupBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api").WithTags("Search").RequireAuthorization();
        group.MapGet("/search", SearchAsync).WithName("Search")
            .WithSummary("Searches destinations, activities, content and the caller's own plans, preferences and memory.")
            .Produces<SearchResults>().ProducesValidationProblem();
        group.MapGet("/recommendations", RecommendAsync).WithName("Recommendations")
            .WithSummary("Destinations and activities that fit the caller's preferences and past plans.")
            .Produces<SearchResults>().ProducesValidationProblem();
        group.MapGet("/plans/{id}/similar", SimilarAsync).WithName("SimilarPlans")
            .WithSummary("The caller's own plans most similar to a plan the caller may see.")
            .Produces<SearchResults>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<IResult> SearchAsync(HttpContext context, IGrainFactory grains, string? q, string? collection, string? category,
        string? country, string? city, string? from, string? to, string? limit, string? mode)
    {
        var errors = new ValidationErrors();
        errors.Text("q", q, SearchValidation.MaxQueryLength, required: true);
        var collections = SearchValidation.Collections(errors, collection, SearchCollections);
        var filter = SearchValidation.Filter(errors, category, country, city, from, to);
        var take = SearchValidation.Limit(errors, limit);
        var scoring = SearchValidation.Mode(errors, mode);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var request = new SearchRequest(q!.Trim())
        {
            UserId = context.User.UserId(),
            Collections = collections,
            Filter = filter,
            Limit = take,
            Mode = scoring,
        };
        return TypedResults.Ok(SearchResults.From(await grains.GetGrain<ISearchGrain>(0).SearchAsync(request)));
    }

    private static async Task<IResult> RecommendAsync(HttpContext context, IGrainFactory grains, string? collection, string? limit)
    {
        var errors = new ValidationErrors();
        var collections = SearchValidation.Collections(errors, collection, MemoryCollections.Shared);
        var take = SearchValidation.Limit(errors, limit);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var request = new RecommendationRequest(context.User.UserId()) { Collections = collections, Limit = take };
        return TypedResults.Ok(SearchResults.From(await grains.GetGrain<ISearchGrain>(0).RecommendAsync(request)));
    }

    private static async Task<IResult> SimilarAsync(string id, HttpContext context, IGrainFactory grains, string? limit)
    {
        if (!Ids.IsValid(id))
        {
            return PlanResults.NotFound();
        }

        var errors = new ValidationErrors();
        var take = SearchValidation.Limit(errors, limit);
        if (!errors.IsValid)
        {
            return errors.ToProblem();
        }

        var userId = context.User.UserId();
        var access = await PlanResults.VisibleAsync(grains, id, context);
        if (access.Plan is not { } plan)
        {
            return access.Refusal!;
        }

        if (plan.OwnerId == userId)
        {
            return TypedResults.Ok(SearchResults.From(await grains.GetGrain<ISearchGrain>(0).SimilarPlansAsync(userId, id, take)));
        }

        // A plan shared with the caller: its own vector (which the caller may see) is the query, and only the caller's
        // own plans are searched, so none of the owner's other plans can leak.
        var query = await grains.GetGrain<IUserMemoryGrain>(plan.OwnerId).GetItemQueryAsync(MemoryCollections.TravelPlans, id, take);
        if (query is null)
        {
            return TypedResults.Ok(new SearchResults([], string.Empty, SearchMode.Vector, null));
        }

        var mine = query with
        {
            Collections = [MemoryCollections.TravelPlans],
            Filter = new SearchFilter { ExcludeIds = [id] },
            Mode = SearchMode.Vector,
        };
        return TypedResults.Ok(SearchResults.From(await grains.GetGrain<IUserMemoryGrain>(userId).SearchAsync(mine), query.Model));
    }
}
