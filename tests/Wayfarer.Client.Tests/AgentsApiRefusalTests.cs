using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

/// <summary>What the agents' routes refuse, with no model configured: invalid requests, other users' sessions and
/// plans, viewers, and trips the offline planner cannot plan.</summary>
[Trait("Category", "Integration")]
public sealed class AgentsApiRefusalTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task UnknownSessionsAndPlansAreNotFoundAndAnonymousCallersAreUnauthorized()
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await AgentsApiTests.StartSessionAsync(user, planId);

        await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync("/api/sessions/not-a-session/messages", new { content = "Hi" }), HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{planId}/messages", new { content = "Hi" }), HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync("/api/plans/not-a-plan/generate", new { }), HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/plans/{sessionId}/generate", new { }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync($"/api/plans/{planId}/generate", new { })).StatusCode);
        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}")).GetProperty("messageCount").GetInt32());
    }

    [Theory]
    [InlineData("""{"content":"Plan Kyoto","policy":"sometimes"}""", "policy")]
    [InlineData("""{"content":"Plan Kyoto","mode":"psychic"}""", "mode")]
    [InlineData("""{"policy":"enqueue"}""", "content")]
    [InlineData("""{"content":"   "}""", "content")]
    public async Task AnInvalidMessageIsAValidationProblemAndRunsNothing(string body, string field)
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await AgentsApiTests.StartSessionAsync(user, planId);

        var response = await user.Client.PostAsync($"/api/sessions/{sessionId}/messages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await CostsApiTests.AssertValidationProblemAsync(response, field);
        Assert.Equal(0, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}")).GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task AMessageOverTheLengthLimitIsAValidationProblem()
    {
        var user = await app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" }));

        var response = await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = new string('a', 32_001) });

        await CostsApiTests.AssertValidationProblemAsync(response, "content");
    }

    [Theory]
    [InlineData("""{"policy":"sometimes"}""", "policy")]
    [InlineData("""{"mode":"psychic"}""", "mode")]
    [InlineData("""{"destinations":[]}""", "destinations")]
    [InlineData("""{"startDate":"2027-05-10","endDate":"2027-05-01"}""", "endDate")]
    [InlineData("""{"travelers":0}""", "travelers")]
    [InlineData("""{"currency":"XYZ"}""", "currency")]
    [InlineData("""{"pace":"frantic"}""", "pace")]
    public async Task AnInvalidGenerateRequestIsAValidationProblemAndLeavesThePlanAlone(string body, string field)
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, AgentsApiTests.Trip("Paris", ["Paris"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));

        var response = await user.Client.PostAsync($"/api/plans/{planId}/generate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await CostsApiTests.AssertValidationProblemAsync(response, field);
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AnotherUserCanNeitherMessageReadGenerateNorCancelOnSomeoneElsesSessionOrPlan()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(owner, new { title = "Mine" });
        var sessionId = await AgentsApiTests.StartSessionAsync(owner, planId);
        var run = await AgentsApiTests.ReadRunAsync(await owner.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage }));
        var runId = run.GetProperty("runId").GetGuid();

        var message = await stranger.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage });
        var messages = await stranger.Client.GetAsync($"/api/sessions/{sessionId}/messages");
        var generate = await stranger.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { });
        var cancel = await stranger.Client.DeleteAsync($"/api/sessions/{sessionId}/runs/{runId}");
        var runView = await stranger.Client.GetAsync($"/api/runs/{runId}");

        await AgentsApiTests.AssertProblemAsync(message, HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(messages, HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(generate, HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(cancel, HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(runView, HttpStatusCode.NotFound);
        Assert.Equal(2, (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
        Assert.Equal(2, (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}")).GetProperty("messageCount").GetInt32());
    }

    [Fact]
    public async Task AViewerCannotGenerateOrHaveTheAgentsChangeThePlan()
    {
        var owner = await app.CreateUserAsync();
        var viewer = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(owner, AgentsApiTests.Trip("Shared", ["Paris"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));
        Assert.Equal(HttpStatusCode.Created, (await owner.Client.PostAsJsonAsync($"/api/plans/{planId}/shares", new { userId = viewer.Id, role = "viewer" })).StatusCode);

        var generate = await viewer.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { });
        var sessionId = await AgentsApiTests.StartSessionAsync(viewer, planId);
        var chat = await viewer.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Plan 3 days in Rome from 2027-06-01" });

        await AgentsApiTests.AssertProblemAsync(generate, HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", (await AgentsApiTests.AssertProblemAsync(chat, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        Assert.Equal(1, (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GeneratingForAnUnknownCityIsUnprocessableWithTheCityNamedAndSuggestions()
    {
        // Not "Atlantis": GeoNames knows Atlantis, Western Cape, and the planner rightly plans it.
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, AgentsApiTests.Trip("Lost", ["Parris"], new DateOnly(2027, 5, 10), days: 3, travelers: 2, budget: 3000, currency: "EUR"));

        var problem = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("unknown_city", problem.GetProperty("code").GetString());
        Assert.EndsWith("/unknown_city", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        var detail = problem.GetProperty("detail").GetString() ?? string.Empty;
        Assert.Contains("Unknown city 'Parris'.", detail, StringComparison.Ordinal);
        Assert.Contains("Did you mean", detail, StringComparison.Ordinal);
        Assert.Contains("Paris", detail.Replace("Parris", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
        var recorded = await AgentsApiTests.RecordedRunAsync(app, user, problem.GetProperty("runId").GetGuid(), "failed");
        Assert.Contains("Parris", recorded.GetProperty("run").GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratingWithABudgetFarTooLowIsUnprocessableWithTheMinimum()
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, AgentsApiTests.Trip("Cheap", ["London"], new DateOnly(2027, 5, 10), days: 5, travelers: 4, budget: 50, currency: "GBP"));

        var problem = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("budget_too_low", problem.GetProperty("code").GetString());
        Assert.Contains("too low: this trip needs at least", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GeneratingATripTooShortForItsDestinationsIsUnprocessable()
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, AgentsApiTests.Trip("Rushed", ["Paris", "Rome", "Vienna"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 5000, currency: "EUR"));

        var problem = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal("trip_too_short", problem.GetProperty("code").GetString());
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task ModelModeWithNoModelConfiguredIsUnprocessable()
    {
        var user = await app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, AgentsApiTests.Trip("Paris", ["Paris"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));
        var sessionId = await AgentsApiTests.StartSessionAsync(user, planId);

        var chat = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage, mode = "model" }),
            HttpStatusCode.UnprocessableEntity);
        var generate = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { mode = "model" }), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(("no_model", "no_model"), (chat.GetProperty("code").GetString(), generate.GetProperty("code").GetString()));
        Assert.Equal(sessionId, chat.GetProperty("sessionId").GetString());
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CancellingAFinishedOrUnknownRunIsNotFound()
    {
        var user = await app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" }));
        var run = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage }));

        await AgentsApiTests.AssertProblemAsync(await user.Client.DeleteAsync($"/api/sessions/{sessionId}/runs/{run.GetProperty("runId").GetGuid()}"), HttpStatusCode.NotFound);
        await AgentsApiTests.AssertProblemAsync(await user.Client.DeleteAsync($"/api/sessions/{sessionId}/runs/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }
}
