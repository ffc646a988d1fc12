using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wayfarer.GrainInterfaces.Ledger;
using Wayfarer.Grains.Ledger;
using Wayfarer.Runtime;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class RunsApiTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task ARunComesWithItsTasksExecutionsToolCallsMessagesTokensAndCost()
    {
        var user = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString()!;
        var runId = await WriteRunAsync(user.Id, planId, DateTimeOffset.UtcNow);

        var run = await user.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{runId}");

        Assert.Equal(runId, run.GetProperty("run").GetProperty("id").GetGuid());
        Assert.Equal("completed", run.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(planId, run.GetProperty("run").GetProperty("planId").GetString());
        Assert.Equal(new[] { "plan", "search" }, run.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("name").GetString()!).ToArray());
        Assert.Equal("location", Assert.Single(run.GetProperty("executions").EnumerateArray()).GetProperty("agentType").GetString());
        Assert.Equal("search_places", Assert.Single(run.GetProperty("toolCalls").EnumerateArray()).GetProperty("toolName").GetString());
        Assert.Equal("orchestrator", Assert.Single(run.GetProperty("messages").EnumerateArray()).GetProperty("from").GetString());
        Assert.Equal(0.03m, run.GetProperty("costs").GetProperty("totalUsd").GetDecimal());
        Assert.Equal(1, run.GetProperty("costs").GetProperty("calls").GetInt64());
    }

    [Fact]
    public async Task AnotherUsersRunIsNotFound()
    {
        var owner = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var runId = await WriteRunAsync(owner.Id, null, DateTimeOffset.UtcNow);

        var response = await other.Client.GetAsync($"/api/runs/{runId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("not-a-run")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task AnUnknownRunIsNotFound(string id)
    {
        var user = await app.CreateUserAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await user.Client.GetAsync($"/api/runs/{id}")).StatusCode);
    }

    [Fact]
    public async Task APlansRunsComeNewestFirstOnePageAtATime()
    {
        var user = await app.CreateUserAsync();
        var other = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString()!;
        await other.Client.GetAsync("/api/users/me");
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var runs = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            runs.Add(await WriteRunAsync(user.Id, planId, start.AddMinutes(i)));
        }

        await WriteRunAsync(other.Id, planId, start);
        await WriteRunAsync(user.Id, null, start);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await user.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{planId}/runs?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(runs), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task RunsOfAPlanTheCallerCannotSeeAreNotFound()
    {
        var owner = await app.CreateUserAsync();
        var stranger = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(owner)).GetProperty("id").GetString()!;
        await WriteRunAsync(owner.Id, planId, DateTimeOffset.UtcNow);

        var response = await stranger.Client.GetAsync($"/api/plans/{planId}/runs");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("cursor=%25%25%25", "cursor")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("limit=0", "limit")]
    public async Task BadPagingIsAValidationProblem(string query, string field)
    {
        var user = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user)).GetProperty("id").GetString()!;

        var response = await user.Client.GetAsync($"/api/plans/{planId}/runs?{query}");

        await CostsApiTests.AssertValidationProblemAsync(response, field);
    }

    /// <summary>Records a run the way the agents do (through the ledger writer) with one of each part and a charge.</summary>
    private async Task<Guid> WriteRunAsync(string userId, string? planId, DateTimeOffset at)
    {
        var writer = app.Services.GetRequiredService<ILedgerWriter>();
        var runId = Guid.NewGuid();
        var execution = Guid.NewGuid();
        await writer.WriteAsync(new AgentRunRecord(runId, "session", userId, planId, "running", "online", "A week in Lisbon", null, null, 0, 0, 0m, 1, null, at, null));
        await writer.WriteAsync(new AgentTaskRecord(Guid.NewGuid(), runId, userId, 2, "search", "location", "completed", null, null, null, at, at));
        await writer.WriteAsync(new AgentTaskRecord(Guid.NewGuid(), runId, userId, 1, "plan", "planning", "completed", null, null, null, at, at));
        await writer.WriteAsync(new AgentExecutionRecord(execution, runId, userId, planId, "location", "1", "{}", "openai", "gpt-4o-mini", "find", "ok", 300, 100, 0.03m, 850, "completed", null, at));
        await writer.WriteAsync(new ToolCallRecord(Guid.NewGuid(), runId, execution, userId, "location", "search_places", "{}", "[]", "ok", 4, at));
        await writer.WriteAsync(new AgentCommunicationRecord(Guid.NewGuid(), runId, userId, "orchestrator", "location", "Find", "{}", "{}", 2, "ok", null, at));
        await writer.WriteAsync(new AgentRunRecord(runId, "session", userId, planId, "completed", "online", "A week in Lisbon", "Done", 2, 300, 100, 0.03m, 1, null, at, at.AddSeconds(2)));
        await writer.FlushAsync();
        var ledger = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IUserLedgerGrain>(userId);
        await ledger.Charge(new CostCharge(Guid.NewGuid(), null, planId, runId, execution, "openai", "gpt-4o-mini", 300, 100, 0.03m, "chat", at));
        await ledger.Flush();
        return runId;
    }
}
