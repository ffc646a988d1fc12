using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Wayfarer.Client.Tests;

/// <summary>The agents through the API with a (scripted) platform model: model runs, their cost and spend caps, and
/// double-texting while a model call holds a run open.</summary>
[Trait("Category", "Integration")]
public sealed class AgentsApiModelTests : IClassFixture<ScriptedModelApp>, IDisposable
{
    private const string KyotoTrip = """{"destinations":["Kyoto"],"startDate":"2027-04-01","endDate":"2027-04-03","travelers":2,"interests":["temples"]}""";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ScriptedModelApp _app;

    public AgentsApiModelTests(ScriptedModelApp app)
    {
        _app = app;
        _app.Turns.Clear();
    }

    public void Dispose()
    {
        // A held turn left behind by a failed test must not hold a later test's run.
        while (_app.Turns.TryDequeue(out var turn))
        {
            turn.Release();
        }
    }

    [Fact]
    public async Task AUsersOwnStoredKeyIsPreferredOverThePlatformsAndNeverRecorded()
    {
        const string OwnKey = "sk-own-key-of-this-traveller-0123456789";
        var owner = await _app.CreateUserAsync();
        var other = await _app.CreateUserAsync();
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.PutAsJsonAsync("/api/users/me/api-keys/openai", new { key = OwnKey })).StatusCode);
        var ownerSession = await AgentsApiTests.StartSessionAsync(owner, await AgentsApiTests.CreatePlanAsync(owner, new { title = "Own key" }));
        var otherSession = await AgentsApiTests.StartSessionAsync(other, await AgentsApiTests.CreatePlanAsync(other, new { title = "Platform key" }));
        _app.Choices.Clear();
        _app.Then(ScriptedModelApp.Turn.Say("Hello from your own key.")).Then(ScriptedModelApp.Turn.Say("Hello from the platform."));

        var ownRun = await AgentsApiTests.ReadRunAsync(await owner.Client.PostAsJsonAsync($"/api/sessions/{ownerSession}/messages", new { content = "hi", mode = "model" }));
        var platformRun = await AgentsApiTests.ReadRunAsync(await other.Client.PostAsJsonAsync($"/api/sessions/{otherSession}/messages", new { content = "hi", mode = "model" }));

        var choices = _app.Choices.ToArray();
        Assert.Equal(("user_key", OwnKey), (choices[0].Source, choices[0].ApiKey));
        Assert.Equal(("platform", "sk-scripted-test-key"), (choices[1].Source, choices[1].ApiKey));
        Assert.Equal(("succeeded", "succeeded"), (ownRun.GetProperty("status").GetString(), platformRun.GetProperty("status").GetString()));
        var recorded = await AgentsApiTests.RecordedRunAsync(_app, owner, ownRun.GetProperty("runId").GetGuid(), "succeeded");
        Assert.DoesNotContain(OwnKey, recorded.GetRawText(), StringComparison.Ordinal);
        await using var connection = new Npgsql.NpgsqlConnection(_app.PostgresConnectionString);
        await connection.OpenAsync();
        await using var leaked = new Npgsql.NpgsqlCommand(
            "SELECT (SELECT count(*) FROM agent_executions WHERE config::text LIKE $1 OR task LIKE $1) + (SELECT count(*) FROM grain_state WHERE payload::text LIKE $1)", connection);
        leaked.Parameters.Add(new Npgsql.NpgsqlParameter { Value = "%" + OwnKey + "%" });
        Assert.Equal(0L, (long)(await leaked.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task TheModelPlansThroughThePlanTripToolAndTheRunIsCharged()
    {
        var user = await _app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" }));
        _app.Then(ScriptedModelApp.Turn.Call("plan_trip", KyotoTrip)).Then(ScriptedModelApp.Turn.Say("Your Kyoto trip is ready: temples every morning."));

        var run = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages",
            new { content = "Three days of temples in Kyoto in April, please", mode = "model" }));

        Assert.Equal(("succeeded", "model", ScriptedModelApp.ModelName), (run.GetProperty("status").GetString(), run.GetProperty("mode").GetString(), run.GetProperty("model").GetString()));
        Assert.StartsWith("Your Kyoto trip is ready", run.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal((2500, 250), (run.GetProperty("promptTokens").GetInt32(), run.GetProperty("completionTokens").GetInt32()));
        var cost = run.GetProperty("costUsd").GetDecimal();
        Assert.True(cost > 0m, $"expected a cost above zero, got {cost}");
        Assert.Equal(2, run.GetProperty("planVersion").GetInt32());
        var content = run.GetProperty("plan").GetProperty("content");
        Assert.Equal(["Kyoto"], content.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(3, content.GetProperty("itinerary").GetProperty("days").GetArrayLength());
        Assert.Empty(_app.Turns);

        var recorded = await AgentsApiTests.RecordedRunAsync(_app, user, run.GetProperty("runId").GetGuid(), "succeeded");
        Assert.Equal(cost, recorded.GetProperty("run").GetProperty("costUsd").GetDecimal());
        var execution = Assert.Single(recorded.GetProperty("executions").EnumerateArray(), e => e.GetProperty("agentType").GetString() == "orchestrator");
        Assert.Equal(ScriptedModelApp.ModelName, execution.GetProperty("model").GetString());
        Assert.Contains(recorded.GetProperty("toolCalls").EnumerateArray(), c => c.GetProperty("toolName").GetString() == "plan_trip");
    }

    [Fact]
    public async Task AReachedSpendCapRefusesModelModeWithoutCallingTheModelAndAutoModeAnswersOffline()
    {
        var user = await _app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" }));
        var limits = await user.Client.PutAsJsonAsync("/api/users/me/limits", new { dailyUsd = 0.000001m });
        Assert.Equal(HttpStatusCode.OK, limits.StatusCode);
        var calls = _app.Calls;

        var model = await AgentsApiTests.AssertProblemAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages",
            new { content = AgentsApiTests.KyotoMessage, mode = "model" }), HttpStatusCode.PaymentRequired);
        var auto = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage }));

        Assert.Equal("spend_cap", model.GetProperty("code").GetString());
        Assert.Equal(calls, _app.Calls);
        Assert.Equal(("succeeded", "offline"), (auto.GetProperty("status").GetString(), auto.GetProperty("mode").GetString()));
        Assert.Equal(0m, auto.GetProperty("costUsd").GetDecimal());
        Assert.Equal(2, auto.GetProperty("planVersion").GetInt32());
    }

    [Fact]
    public async Task ASecondMessageWhileARunIsGoingIsRejectedAndOnlyTheOwnerCanCancelTheRun()
    {
        var owner = await _app.CreateUserAsync();
        var stranger = await _app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(owner, await AgentsApiTests.CreatePlanAsync(owner, new { title = "Somewhere" }));
        var held = new ScriptedModelApp.Turn { Hold = true, Text = "never seen" };
        _app.Then(held);
        var first = owner.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Three days in Kyoto", mode = "model" });
        await held.Started.WaitAsync(Patience);

        var rejected = await AgentsApiTests.AssertProblemAsync(await owner.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Hello?" }), HttpStatusCode.Conflict);
        var activeRunId = rejected.GetProperty("activeRunId").GetGuid();
        var strangerCancel = await stranger.Client.DeleteAsync($"/api/sessions/{sessionId}/runs/{activeRunId}");
        var ownerCancel = await owner.Client.DeleteAsync($"/api/sessions/{sessionId}/runs/{activeRunId}");
        var cancelled = await AgentsApiTests.ReadRunAsync(await first.WaitAsync(Patience));
        var next = await AgentsApiTests.ReadRunAsync(await owner.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = AgentsApiTests.KyotoMessage, mode = "offline" }));

        await AgentsApiTests.AssertProblemAsync(strangerCancel, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, ownerCancel.StatusCode);
        Assert.Equal((activeRunId, "cancelled"), (cancelled.GetProperty("runId").GetGuid(), cancelled.GetProperty("status").GetString()));
        Assert.Equal("succeeded", next.GetProperty("status").GetString());
        var roles = (await owner.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages")).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("role").GetString());
        Assert.Equal(["user", "user", "assistant"], roles);
    }

    [Fact]
    public async Task AnEnqueuedMessageWaitsForTheRunningOneAndThenRuns()
    {
        var user = await _app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await AgentsApiTests.StartSessionAsync(user, planId);
        var held = new ScriptedModelApp.Turn { Hold = true, Text = "First things first." };
        _app.Then(held);
        var first = user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "What can you do?", mode = "model" });
        await held.Started.WaitAsync(Patience);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/sessions/{sessionId}/messages")
        {
            Content = JsonContent.Create(new { content = AgentsApiTests.KyotoMessage, policy = "enqueue", mode = "offline" }),
        };
        request.Headers.Accept.Add(new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue("text/event-stream"));

        using var response = await user.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var events = new List<ServerSentEvents.Event>();
        await foreach (var item in ServerSentEvents.ReadAsync(await response.Content.ReadAsStreamAsync(timeout.Token), timeout.Token))
        {
            events.Add(item);
            if (item.Type == "run_queued")
            {
                // Only now that the second message is known to be queued does the first run go on.
                held.Release();
            }
        }

        var firstRun = await AgentsApiTests.ReadRunAsync(await first.WaitAsync(Patience));
        Assert.Equal("run_queued", events[0].Type);
        using (var queued = JsonDocument.Parse(events[0].Data))
        {
            Assert.Equal(firstRun.GetProperty("runId").GetGuid(), queued.RootElement.GetProperty("behind").GetGuid());
        }

        using var done = JsonDocument.Parse(events[^1].Data);
        Assert.Equal(("succeeded", 2), (done.RootElement.GetProperty("status").GetString(), done.RootElement.GetProperty("planVersion").GetInt32()));
        Assert.Equal(("succeeded", "model"), (firstRun.GetProperty("status").GetString(), firstRun.GetProperty("mode").GetString()));
        Assert.StartsWith("First things first.", firstRun.GetProperty("reply").GetString(), StringComparison.Ordinal);
        var messages = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages")).GetProperty("items").EnumerateArray()
            .Select(m => (m.GetProperty("role").GetString(), m.GetProperty("content").GetString())).ToList();
        Assert.Equal([("user", "What can you do?"), ("assistant", firstRun.GetProperty("reply").GetString()), ("user", AgentsApiTests.KyotoMessage)], messages.Take(3));
        Assert.Equal(4, messages.Count);
    }

    [Fact]
    public async Task AnInterruptingMessageCancelsTheRunningOneAndRunsItself()
    {
        var user = await _app.CreateUserAsync();
        var planId = await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" });
        var sessionId = await AgentsApiTests.StartSessionAsync(user, planId);
        var held = new ScriptedModelApp.Turn { Hold = true, Text = "never seen" };
        _app.Then(held);
        var first = user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Three days in Vienna", mode = "model" });
        await held.Started.WaitAsync(Patience);

        var second = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages",
            new { content = AgentsApiTests.KyotoMessage, policy = "interrupt", mode = "offline" }));
        var interrupted = await AgentsApiTests.ReadRunAsync(await first.WaitAsync(Patience));

        Assert.Equal("cancelled", interrupted.GetProperty("status").GetString());
        Assert.Equal(("succeeded", 2), (second.GetProperty("status").GetString(), second.GetProperty("planVersion").GetInt32()));
        var plan = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}");
        Assert.Equal(["Kyoto"], plan.GetProperty("destinations").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task ARollbackMessageUndoesTheRunningOnesConversationAndRunsItself()
    {
        var user = await _app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Somewhere" }));
        var held = new ScriptedModelApp.Turn { Hold = true, Text = "never seen" };
        _app.Then(held);
        var first = user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Three days in Vienna", mode = "model" });
        await held.Started.WaitAsync(Patience);

        var second = await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages",
            new { content = AgentsApiTests.KyotoMessage, policy = "rollback", mode = "offline" }));
        var rolledBack = await AgentsApiTests.ReadRunAsync(await first.WaitAsync(Patience));

        Assert.Equal("rolled_back", rolledBack.GetProperty("status").GetString());
        Assert.Equal("succeeded", second.GetProperty("status").GetString());
        var messages = (await user.Client.GetFromJsonAsync<JsonElement>($"/api/sessions/{sessionId}/messages")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["user", "assistant"], messages.Select(m => m.GetProperty("role").GetString()));
        Assert.Equal(AgentsApiTests.KyotoMessage, messages[0].GetProperty("content").GetString());
    }
}
