using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Client.Tests;

/// <summary>Erasing a user in the middle of an agent run leaves nothing of theirs in the ledgers.</summary>
[Trait("Category", "Integration")]
public sealed class AgentsApiErasureTests(ScriptedModelApp app) : IClassFixture<ScriptedModelApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ErasingAUserWhileTheirRunIsInAModelCallStopsItAndLeavesNoLedgerRowOfTheirs()
    {
        app.Turns.Clear();
        var user = await app.CreateUserAsync();
        var sessionId = await AgentsApiTests.StartSessionAsync(user, await AgentsApiTests.CreatePlanAsync(user, new { title = "Soon gone" }));
        var held = new ScriptedModelApp.Turn { Hold = true, Text = "never seen" };
        app.Then(held);
        var running = user.Client.PostAsJsonAsync($"/api/sessions/{sessionId}/messages", new { content = "Three days in Vienna", mode = "model" });
        await held.Started.WaitAsync(Patience);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync("/api/users/me")).StatusCode);
        await running.WaitAsync(Patience);
        held.Release();

        await app.Services.GetRequiredService<ILedgerWriter>().FlushAsync();
        await using var connection = new NpgsqlConnection(app.PostgresConnectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications", "cost_tracking", "notifications" })
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE user_id = $1", connection);
            count.Parameters.Add(new NpgsqlParameter { Value = user.Id });
            Assert.True((long)(await count.ExecuteScalarAsync())! == 0, $"{table} still holds rows of the erased user");
        }

        await using var state = new NpgsqlCommand("SELECT count(*) FROM grain_state WHERE grain_type = 'agent-orchestrator' AND grain_key = $1 AND payload IS NOT NULL", connection);
        state.Parameters.Add(new NpgsqlParameter { Value = sessionId });
        Assert.Equal(0L, (long)(await state.ExecuteScalarAsync())!);
    }
}
