using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

/// <summary>Helpers for the search, recommendation and similar-plan routes.</summary>
internal static class Search
{
    public static object PlanBody(string title, string description, params string[] destinations) => new
    {
        title,
        description,
        destinations,
        startDate = "2027-04-01",
        endDate = "2027-04-07",
        travelerCount = 2,
        status = "planning",
        itinerary = new { days = Array.Empty<object>() },
    };

    public static async Task<string> CreatePlanAsync(TestUser user, string title, string description, params string[] destinations)
    {
        var response = await user.Client.PostAsJsonAsync("/api/plans", PlanBody(title, description, destinations));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>GETs a search route that must answer 200 and returns its items.</summary>
    public static async Task<List<JsonElement>> ItemsAsync(TestUser user, string url)
    {
        var response = await user.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("items").EnumerateArray()];
    }

    public static Task<List<JsonElement>> QueryAsync(TestUser user, string q, string extra = "") =>
        ItemsAsync(user, $"/api/search?q={Uri.EscapeDataString(q)}{extra}");

    public static List<string?> Ids(IEnumerable<JsonElement> items) => [.. items.Select(i => i.GetProperty("id").GetString())];

    public static async Task SetInterestsAsync(TestUser user, params string[] interests)
    {
        var response = await user.Client.PutAsJsonAsync("/api/users/me/preferences", new
        {
            budgetLevel = "moderate", pace = "balanced", interests, dietaryNeeds = Array.Empty<string>(), mobility = "full",
            preferredTransport = new[] { "train" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
