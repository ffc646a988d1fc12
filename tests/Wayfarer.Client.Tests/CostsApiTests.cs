using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class CostsApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task CostsAreGroupedByDayPlanAgentAndModel()
    {
        var user = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString()!;
        var execution = Guid.NewGuid();
        await app.Services.GetRequiredService<ILedgerWriter>().WriteAsync(new AgentExecutionRecord(execution, null, user.Id, planId, "location", "1", "{}",
            "openai", "gpt-4o-mini", "find places", null, 100, 50, 0.25m, 10, "completed", null, DateTimeOffset.UtcNow));
        await app.Services.GetRequiredService<ILedgerWriter>().FlushAsync();
        await ChargeAsync(user.Id, 0.25m, planId, "gpt-4o-mini", execution);
        await ChargeAsync(user.Id, 0.50m, planId, "gpt-4o");
        await ChargeAsync(user.Id, 0.125m, null, "gpt-4o");

        var byDay = await GetAsync(user, "/api/costs");
        var byPlan = await GetAsync(user, "/api/costs?groupBy=plan");
        var byAgent = await GetAsync(user, "/api/costs?groupBy=agent");
        var byModel = await GetAsync(user, "/api/costs?groupBy=model");

        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd");
        Assert.Equal("day", byDay.GetProperty("groupBy").GetString());
        Assert.Equal(0.875m, byDay.GetProperty("totalUsd").GetDecimal());
        Assert.Equal(3, byDay.GetProperty("calls").GetInt64());
        Assert.Equal("USD", byDay.GetProperty("currency").GetString());
        Assert.Equal(today, Assert.Single(byDay.GetProperty("items").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal(new Dictionary<string, decimal> { [planId] = 0.75m, ["(none)"] = 0.125m }, Groups(byPlan));
        Assert.Equal(new Dictionary<string, decimal> { ["location"] = 0.25m, ["chat"] = 0.625m }, Groups(byAgent));
        Assert.Equal(new Dictionary<string, decimal> { ["gpt-4o"] = 0.625m, ["gpt-4o-mini"] = 0.25m }, Groups(byModel));
        Assert.All(byModel.GetProperty("items").EnumerateArray(), i => Assert.Equal("openai", i.GetProperty("provider").GetString()));
    }

    [Fact]
    public async Task AnotherUsersCostsAreNeverIncluded()
    {
        var me = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        await ChargeAsync(other.Id, 0.40m, null, "gpt-4o");

        var mine = await GetAsync(me, "/api/costs?groupBy=model");

        Assert.Equal(0m, mine.GetProperty("totalUsd").GetDecimal());
        Assert.Empty(mine.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ARangeOutsideTheCostsDaysIsEmpty()
    {
        var user = await app.CreateUserAsync();
        await ChargeAsync(user.Id, 0.40m, null, "gpt-4o");

        var report = await GetAsync(user, "/api/costs?from=2020-01-01&to=2020-01-31");

        Assert.Equal("2020-01-01", report.GetProperty("from").GetString());
        Assert.Equal("2020-01-31", report.GetProperty("to").GetString());
        Assert.Equal(0m, report.GetProperty("totalUsd").GetDecimal());
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "from")]
    public async Task BadCostQueriesAreValidationProblems(string query, string field)
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.GetAsync($"/api/costs?{query}");

        await AssertValidationProblemAsync(response, field);
    }

    [Fact]
    public async Task LimitsStartAtTheConfiguredDefaultsAndCanBeReplaced()
    {
        var user = await app.CreateUserAsync();
        await ChargeAsync(user.Id, 0.30m, null, "gpt-4o");

        var defaults = await GetAsync(user, "/api/users/me/limits");
        var put = await user.Client.PutAsJsonAsync("/api/users/me/limits", new { dailyUsd = 10.5m, perPlanUsd = (decimal?)null });
        var replaced = await GetAsync(user, "/api/users/me/limits");

        Assert.Equal(5m, defaults.GetProperty("dailyUsd").GetDecimal());
        Assert.Equal(2m, defaults.GetProperty("perPlanUsd").GetDecimal());
        Assert.Equal(0.30m, defaults.GetProperty("todayUsd").GetDecimal());
        Assert.Equal(4.70m, defaults.GetProperty("remainingTodayUsd").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(10.5m, replaced.GetProperty("dailyUsd").GetDecimal());
        Assert.Equal(JsonValueKind.Null, replaced.GetProperty("perPlanUsd").ValueKind);
        Assert.Equal(10.5m, (await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserLedgerGrain>(user.Id).GetLimits()).DailyUsd);
    }

    [Theory]
    [InlineData("""{"dailyUsd":-1,"perPlanUsd":2}""", "dailyUsd")]
    [InlineData("""{"dailyUsd":5,"perPlanUsd":100000.01}""", "perPlanUsd")]
    [InlineData("""{"dailyUsd":0.0000001}""", "dailyUsd")]
    public async Task LimitsOutOfRangeAreValidationProblemsAndChangeNothing(string body, string field)
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.PutAsync("/api/users/me/limits", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(5m, (await GetAsync(user, "/api/users/me/limits")).GetProperty("dailyUsd").GetDecimal());
    }

    [Fact]
    public async Task MalformedLimitsAreABadRequestProblem()
    {
        var user = await app.CreateUserAsync();

        var response = await user.Client.PutAsync("/api/users/me/limits", new StringContent("""{"dailyUsd":"lots"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PlanCostsAreTheCallersOwnAndOtherUsersGet404()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(owner)).GetProperty("id").GetString()!;
        await ChargeAsync(owner.Id, 0.20m, planId, "gpt-4o");
        await ChargeAsync(owner.Id, 0.05m, planId, "gpt-4o-mini");
        await ChargeAsync(stranger.Id, 0.70m, planId, "gpt-4o");

        var costs = await GetAsync(owner, $"/api/plans/{planId}/costs");
        var strangers = await stranger.Client.GetAsync($"/api/plans/{planId}/costs");
        var missing = await owner.Client.GetAsync($"/api/plans/{new string('a', 32)}/costs");

        Assert.Equal(0.25m, costs.GetProperty("totalUsd").GetDecimal());
        Assert.Equal(2, costs.GetProperty("calls").GetInt64());
        Assert.Equal(2m, costs.GetProperty("perPlanLimitUsd").GetDecimal());
        Assert.Equal(2, costs.GetProperty("byModel").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, strangers.StatusCode);
        Assert.Equal("application/problem+json", strangers.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task CostsRequireAuthentication()
    {
        var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/costs")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/users/me/limits")).StatusCode);
    }

    [Fact]
    public async Task ErasingAUserDeletesTheirLedgerRowsAndKeepsTheirCostsAnonymously()
    {
        var user = await app.CreateUserAsync();
        var keeper = await app.CreateUserAsync();
        var writer = app.Services.GetRequiredService<ILedgerWriter>();
        foreach (var owner in new[] { user.Id, keeper.Id })
        {
            var runId = Guid.NewGuid();
            var now = DateTimeOffset.UtcNow;
            await writer.WriteAsync(new AgentRunRecord(runId, "s", owner, null, "completed", "offline", "hi", "hello", null, 0, 0, 0m, 1, null, now, now));
            await writer.WriteAsync(new AgentTaskRecord(Guid.NewGuid(), runId, owner, 1, "plan", "planning", "completed", null, null, null, now, now));
            await writer.WriteAsync(new AgentExecutionRecord(Guid.NewGuid(), runId, owner, null, "planning", "1", "{}", "offline", null, "plan", null, 0, 0, 0m, 1, "completed", null, now));
            await writer.WriteAsync(new ToolCallRecord(Guid.NewGuid(), runId, null, owner, "planning", "route", "{}", null, "ok", 1, now));
            await writer.WriteAsync(new AgentCommunicationRecord(Guid.NewGuid(), runId, owner, "orchestrator", "planning", "Plan", "{}", null, 1, "ok", null, now));
            await writer.WriteAsync(new NotificationRecord(Guid.NewGuid(), owner, null, "info", "t", "b", now));
        }

        await writer.FlushAsync();
        var charge = await ChargeAsync(user.Id, 0.15m, null, "gpt-4o");
        await ChargeAsync(keeper.Id, 0.15m, null, "gpt-4o");

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);

        foreach (var table in new[] { "agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "notifications", "cost_tracking" })
        {
            Assert.Equal(0L, await Sql.ScalarAsync<long>(app, $"SELECT count(*) FROM {table} WHERE user_id = $1", user.Id));
            Assert.Equal(1L, await Sql.ScalarAsync<long>(app, $"SELECT count(*) FROM {table} WHERE user_id = $1", keeper.Id));
        }

        Assert.Equal(0.15m, await Sql.ScalarAsync<decimal>(app, "SELECT cost_usd FROM cost_tracking WHERE id = $1 AND user_id IS NULL", charge));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(app, "SELECT count(*) FROM grain_state WHERE grain_type = 'ledger' AND grain_key = $1", user.Id));
        Assert.Equal(0L, await Sql.ScalarAsync<long>(app, "SELECT count(*) FROM reminders WHERE grain_key = $1", user.Id));
    }

    /// <summary>Charges through the user's ledger grain (as an agent would) and waits until the row is committed.</summary>
    private async Task<Guid> ChargeAsync(string userId, decimal usd, string? planId, string model, Guid? executionId = null)
    {
        var ledger = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserLedgerGrain>(userId);
        var id = Guid.NewGuid();
        await ledger.Charge(new CostCharge(id, null, planId, null, executionId, "openai", model, 100, 50, usd, "chat", DateTimeOffset.UtcNow));
        await ledger.Flush();
        return id;
    }

    private static async Task<JsonElement> GetAsync(TestUser user, string url)
    {
        var response = await user.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, decimal> Groups(JsonElement report) =>
        report.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString() ?? "(none)", i => i.GetProperty("costUsd").GetDecimal());

    internal static async Task AssertValidationProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}, got {errors}");
    }
}
