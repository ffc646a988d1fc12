using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using StackExchange.Redis;

namespace Wayfarer.Client.Tests;

[Trait("Category", "Integration")]
public sealed class EraseTests(WayfarerApp app) : IClassFixture<WayfarerApp>
{
    [Fact]
    public async Task ErasureLeavesNothingOfTheUserInAnyTableOrInRedis()
    {
        var user = await app.CreateUserAsync();
        var friend = await app.CreateUserAsync();
        var planId = (await Plans.CreateAsync(user, "Doomed")).GetProperty("id").GetString();
        await user.Client.PostAsJsonAsync($"/api/plans/{planId}/shares", new { userId = friend.Id, role = "viewer" });
        var sessionId = (await (await user.Client.PostAsync($"/api/plans/{planId}/sessions", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        // The agents answer (and record the run in the ledgers and the orchestrator's state), so erasure must reach those too.
        await AgentsApiTests.ReadRunAsync(await user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "remember me" }));
        await user.Client.PutAsJsonAsync("/api/users/me/api-keys/openai", new { key = "sk-erase-me-12345" });
        var friendsPlan = (await Plans.CreateAsync(friend, "Friend's")).GetProperty("id").GetString();
        await friend.Client.PostAsJsonAsync($"/api/plans/{friendsPlan}/shares", new { userId = user.Id, role = "editor" });
        await PlansApiTests.Patch(user, friendsPlan!, new { title = "edited by the doomed user" }, null);
        await user.Client.GetAsync("/api/users/me/export");
        Assert.NotEmpty(await RowsMentioningAsync(user.Id));
        Assert.NotEmpty(await RedisKeysMentioningAsync(user.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);

        Assert.Empty(await RowsMentioningAsync(user.Id));
        Assert.Empty(await RowsMentioningAsync(user.Email));
        Assert.Empty(await RedisKeysMentioningAsync(user.Id));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(app, "SELECT count(*) FROM audit_log WHERE action = 'erase' AND actor_id IS NULL"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = TestUser.Password })).StatusCode);
        var friendView = await friend.Client.GetFromJsonAsync<JsonElement>($"/api/plans/{friendsPlan}");
        Assert.Equal("edited by the doomed user", friendView.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await friend.Client.GetAsync($"/api/plans/{planId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await friend.Client.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Client.PostAsJsonAsync("/api/plans", Plans.Body())).StatusCode);
    }

    private async Task<List<string>> RowsMentioningAsync(string value)
    {
        await using var connection = new NpgsqlConnection(app.PostgresConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var hits = new List<string>();
        foreach (var table in tables)
        {
            // Table names come from the catalogue (quoted); the searched value is a parameter.
            await using var search = new NpgsqlCommand($"SELECT count(*) FROM {table} t WHERE strpos(lower(t::text), lower($1)) > 0", connection);
            search.Parameters.AddWithValue(value);
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                hits.Add(table);
            }
        }

        return hits;
    }

    private async Task<List<string>> RedisKeysMentioningAsync(string value)
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync(app.RedisConnectionString + ",allowAdmin=true");
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        return server.Keys(pattern: $"*{value}*").Select(k => (string)k!).ToList();
    }
}
