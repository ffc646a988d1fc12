using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Client.Tests;

/// <summary>The agents through the API with no model configured: every run is answered by the offline planner.</summary>
[Trait("Category", "Integration")]
public sealed class AgentsApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    internal const string KyotoMessage = "Plan 3 days in Kyoto from 2027-04-01 for 2 people, budget 3000 USD";

    private static readonly string[] Steps = ["load", "interpret", "locate", "plan", "validate", "save", "reply"];

    [Fact]
    public async Task GenerateProducesANewPlanVersionWithADayByDayItineraryAndARecordedRun()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, Trip("Paris and Rome", ["Paris", "Rome"], new DateOnly(2027, 5, 10), days: 5, travelers: 2, budget: 6000, currency: "EUR"));

        var run = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { }));

        Assert.Equal(("succeeded", "generate", "offline"), (run.GetProperty("status").GetString(), run.GetProperty("kind").GetString(), run.GetProperty("mode").GetString()));
        Assert.Equal(2, run.GetProperty("planVersion").GetInt32());
        Assert.Equal(planId, run.GetProperty("planId").GetString());
        Assert.Equal(0m, run.GetProperty("costUsd").GetDecimal());
        Assert.False(string.IsNullOrWhiteSpace(run.GetProperty("reply").GetString()));
        var returned = run.GetProperty("plan");
        Assert.Equal(2, returned.GetProperty("version").GetInt32());
        var days = returned.GetProperty("content").GetProperty("itinerary").GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => new DateOnly(2027, 5, 10).AddDays(i).ToString("yyyy-MM-dd")), days.Select(d => d.GetProperty("date").GetString()));
        Assert.All(days, d => Assert.NotEqual(0, d.GetProperty("items").GetArrayLength()));

        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Equal(2, plan.GetProperty("version").GetInt32());
        Assert.Equal(5, plan.GetProperty("itinerary").GetProperty("days").GetArrayLength());
        Assert.Equal(["Paris", "Rome"], plan.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()));
        var versions = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/versions");
        Assert.Equal([1, 2], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).Order());

        var recorded = await RecordedRunAsync(app, user, run.GetProperty("runId").GetGuid(), "succeeded");
        Assert.Equal(2, recorded.GetProperty("run").GetProperty("planVersion").GetInt32());
        Assert.Equal(Steps, recorded.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.All(recorded.GetProperty("tasks").EnumerateArray(), t => Assert.Equal("succeeded", t.GetProperty("status").GetString()));
        var agents = recorded.GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("agentType").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "location", "planning" }, agents);
        Assert.Contains(recorded.GetProperty("toolCalls").EnumerateArray(), c => c.GetProperty("toolName").GetString() == "plan_trip");
    }

    [Fact]
    public async Task AChatMessageOnAnEmptyPlanPlansTheTripAndTheConversationHoldsBothSides()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await StartSessionAsync(user, planId);

        var run = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = KyotoMessage }));

        Assert.Equal(("succeeded", "chat", sessionId), (run.GetProperty("status").GetString(), run.GetProperty("kind").GetString(), run.GetProperty("sessionId").GetString()));
        Assert.Equal(2, run.GetProperty("planVersion").GetInt32());
        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Equal(["Kyoto"], plan.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("2027-04-01", "2027-04-03", 2), (plan.GetProperty("startDate").GetString(), plan.GetProperty("endDate").GetString(), plan.GetProperty("travelerCount").GetInt32()));
        Assert.Equal((3000m, "USD"), (plan.GetProperty("budget").GetProperty("total").GetDecimal(), plan.GetProperty("budget").GetProperty("currency").GetString()));
        Assert.Equal(3, plan.GetProperty("itinerary").GetProperty("days").GetArrayLength());

        var messages = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(KyotoMessage, messages[0].GetProperty("content").GetString());
        Assert.Equal(run.GetProperty("reply").GetString(), messages[1].GetProperty("content").GetString());
    }

    [Fact]
    public async Task WithAnEventStreamAcceptHeaderTheRunIsStreamedAsServerSentEventsEndingWithDone()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await StartSessionAsync(user, planId);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionId}/messages") { Content = JsonContent.Create(new { content = KyotoMessage }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await ServerSentEvents.ReadAllAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);

        var types = events.Select(e => e.Type).ToList();
        var order = new[] { "run_started", "agent_started", "tool_called", "plan_version_created", "run_succeeded", "done" }.Select(t => types.IndexOf(t)).ToList();
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), $"expected the milestones in order, got {string.Join(", ", types)}");
        Assert.Equal("done", types[^1]);
        var ids = events.Where(e => e.Id is not null).Select(e => int.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order().Distinct(), ids);
        using var done = JsonDocument.Parse(events[^1].Data);
        Assert.Equal("succeeded", done.RootElement.GetProperty("status").GetString());
        Assert.Equal(2, done.RootElement.GetProperty("planVersion").GetInt32());
        using var created = JsonDocument.Parse(events.First(e => e.Type == "plan_version_created").Data);
        Assert.Equal(2, created.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(2, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AFailedRunStreamsRunFailedAndADoneEventWithTheErrorCode()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, Trip("Lost", ["Parris"], new DateOnly(2027, 5, 10), days: 3, travelers: 2, budget: 3000, currency: "EUR"));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/plans/{planId}/generate") { Content = JsonContent.Create(new { }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = await ServerSentEvents.ReadAllAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var types = events.Select(e => e.Type).ToList();
        Assert.Equal(["run_failed", "done"], types.TakeLast(2));
        Assert.DoesNotContain("plan_version_created", types);
        using var done = JsonDocument.Parse(events[^1].Data);
        Assert.Equal(("failed", "unknown_city"), (done.RootElement.GetProperty("status").GetString(), done.RootElement.GetProperty("errorCode").GetString()));
    }

    [Fact]
    public async Task GenerateRequestsForOnePlanShareOneSessionSoTheirPolicyApplies()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, Trip("Twice", ["Vienna"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));

        var first = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { }));
        var second = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate", new { pace = "relaxed" }));

        Assert.Equal(first.GetProperty("sessionId").GetString(), second.GetProperty("sessionId").GetString());
        Assert.Equal((2, 3), (first.GetProperty("planVersion").GetInt32(), second.GetProperty("planVersion").GetInt32()));
    }

    [Fact]
    public async Task TwoMessagesInTurnWithTheDefaultPolicyBothRun()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await StartSessionAsync(user, planId);

        var first = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = KyotoMessage }));
        var second = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Make it 4 days please, relaxed pace" }));

        Assert.Equal(("succeeded", "succeeded"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));
        Assert.NotEqual(first.GetProperty("runId").GetGuid(), second.GetProperty("runId").GetGuid());
        Assert.Equal((2, 3), (first.GetProperty("planVersion").GetInt32(), second.GetProperty("planVersion").GetInt32()));
        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Equal(("2027-04-01", "2027-04-04"), (plan.GetProperty("startDate").GetString(), plan.GetProperty("endDate").GetString()));
        var roles = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages")).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString());
        Assert.Equal(["user", "assistant", "user", "assistant"], roles);
    }

    [Fact]
    public async Task AnUnknownCityInAChatMessageIsAnsweredNotFailed()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, Trip("Lost", ["Parris"], new DateOnly(2027, 5, 10), days: 3, travelers: 2, budget: 3000, currency: "EUR"));
        var sessionId = await StartSessionAsync(user, planId);

        var run = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Plan it please" }));

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("planVersion").ValueKind);
        Assert.Contains("Unknown city 'Parris'.", run.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task AnOverrideInTheGenerateRequestWinsOverThePlansOwnFields()
    {
        var user = await app.CreateUserAsync();
        var planId = await CreatePlanAsync(user, Trip("Paris", ["Paris"], new DateOnly(2027, 5, 10), days: 2, travelers: 1, budget: 2000, currency: "EUR"));

        var run = await ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/plans/{planId}/generate",
            new { destinations = new[] { "Vienna" }, startDate = "2027-06-01", endDate = "2027-06-03", travelers = 3, mode = "offline" }));

        var content = run.GetProperty("plan").GetProperty("content");
        Assert.Equal(["Vienna"], content.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("2027-06-01", "2027-06-03", 3), (content.GetProperty("startDate").GetString(), content.GetProperty("endDate").GetString(), content.GetProperty("travelerCount").GetInt32()));
        Assert.Equal(3, content.GetProperty("itinerary").GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task NotificationsStartEmptyAndAnUnknownOneCannotBeMarkedRead()
    {
        var user = await app.CreateUserAsync();

        var list = await user.Client.GetFromJsonAsync<JsonElement>("/api/users/me/notifications?unread=true");
        var read = await user.Client.PostAsync($"/api/users/me/notifications/{Guid.NewGuid()}/read", null);
        var badLimit = await user.Client.GetAsync("/api/users/me/notifications?limit=0");

        Assert.Equal(0, list.GetArrayLength());
        await AssertProblemAsync(read, HttpStatusCode.NotFound);
        await CostsApiTests.AssertValidationProblemAsync(badLimit, "limit");
    }

    /// <summary>A plan body with the trip's fields and no itinerary.</summary>
    internal static object Trip(string title, string[] destinations, DateOnly start, int days, int travelers, decimal budget, string currency) => new
    {
        title,
        destinations,
        startDate = start.ToString("yyyy-MM-dd"),
        endDate = start.AddDays(days - 1).ToString("yyyy-MM-dd"),
        travelerCount = travelers,
        budget = new { total = budget, currency },
    };

    internal static async Task<string> CreatePlanAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/plans", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the plan: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    internal static async Task<string> StartSessionAsync(TestUser user, string planId)
    {
        var response = await user.Client.PostAsync($"/api/plans/{planId}/sessions", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>The RunResponse of a 200 answer (the body is shown when it is anything else).</summary>
    internal static async Task<JsonElement> ReadRunAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200 with a run, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts a problem-details answer with <paramref name="status"/> and returns its body.</summary>
    internal static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>The run as <c>GET /api/runs/{id}</c> shows it once its ledger rows say <paramref name="status"/>. The
    /// ledger is written in batches and the run's last row may be queued just after the API answered, so this flushes
    /// the writer and reads again until the row is there or the deadline passes.</summary>
    internal static async Task<JsonElement> RecordedRunAsync(WayfarerApp app, TestUser user, Guid runId, string status)
    {
        var writer = app.Services.GetRequiredService<ILedgerWriter>();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        var seen = "nothing";
        while (true)
        {
            await writer.FlushAsync();
            var response = await user.Client.GetAsync($"/api/runs/{runId}");
            seen = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var run = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (run.GetProperty("run").GetProperty("status").GetString() == status)
                {
                    return run;
                }
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"expected run {runId} to be recorded as {status}; last saw {seen}");
            await Task.Delay(50);
        }
    }
}
