using Npgsql;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Testing;

namespace Wayfarer.Grains.Tests.Sql;

/// <summary>The domain views under the request role: a user's setting shows that user's rows and nobody else's.</summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RowLevelSecurityTests(PostgresFixture postgres)
{
    [Fact]
    public async Task UserASettingCannotSeeUserBRowsInAnyView()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var (a, b) = (TestData.NewId(), TestData.NewId());
        await domain.Grains.GetGrain<IUserGrain>(a).Register(TestData.Registration("a@example.com"));
        await domain.Grains.GetGrain<IUserGrain>(b).Register(TestData.Registration("b@example.com"));
        var (planA, planB, shared) = (TestData.NewId(), TestData.NewId(), TestData.NewId());
        await domain.Grains.GetGrain<IPlanGrain>(planA).Create(a, TestData.Plan("A's"));
        await domain.Grains.GetGrain<IPlanGrain>(planB).Create(b, TestData.Plan("B's"));
        await domain.Grains.GetGrain<IPlanGrain>(shared).Create(b, TestData.Plan("B's, shared with A"));
        await domain.Grains.GetGrain<IPlanGrain>(shared).Share(b, a, PlanRole.Viewer);
        await domain.Grains.GetGrain<IAgentSessionGrain>(TestData.NewId()).Start(b, planB);

        Assert.Equal([a], await QueryAsync(domain, a, "SELECT id FROM users"));
        Assert.Equal(new[] { planA, shared }.Order(), (await QueryAsync(domain, a, "SELECT id FROM travel_plans")).Order());
        Assert.Equal([shared], await QueryAsync(domain, a, "SELECT plan_id FROM plan_shares"));
        Assert.Empty(await QueryAsync(domain, a, "SELECT id FROM user_sessions"));
        Assert.Empty(await QueryAsync(domain, a, "SELECT grain_key FROM grain_state WHERE grain_type = 'user' AND grain_key <> current_setting('wayfarer.user_id')"));
        Assert.Empty(await QueryAsync(domain, a, "SELECT grain_key FROM grain_state WHERE state_name = 'credentials'"));
        Assert.Equal([b], await QueryAsync(domain, b, "SELECT id FROM users"));
        Assert.Single(await QueryAsync(domain, b, "SELECT id FROM user_sessions"));
        Assert.Empty(await QueryAsync(domain, null, "SELECT id FROM travel_plans"));
    }

    [Fact]
    public async Task TheRequestRoleCannotWriteGrainState()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        var ex = await Assert.ThrowsAsync<PostgresException>(() => QueryAsync(domain, "a", "UPDATE grain_state SET version = version RETURNING grain_key"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
    }

    [Fact]
    public async Task ListingQueriesUseTheDomainIndexes()
    {
        await using var domain = await DomainCluster.StartAsync(postgres);
        await using var connection = new NpgsqlConnection(domain.ConnectionString);
        await connection.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        Assert.Contains("grain_state_plan_owner_idx", await ExplainAsync(connection, "SELECT id FROM travel_plans WHERE service_id = 's' AND owner_id = 'u' ORDER BY id DESC LIMIT 20"));
        Assert.Contains("grain_state_user_email_uidx", await ExplainAsync(connection, "SELECT id FROM users WHERE service_id = 's' AND lower(email) = 'x@example.com'"));
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand("EXPLAIN " + sql, connection);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private static async Task<List<string>> QueryAsync(DomainCluster domain, string? userId, string sql)
    {
        await using var connection = new NpgsqlConnection(domain.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var setup = new NpgsqlCommand("SET LOCAL ROLE wayfarer_request", connection, transaction))
        {
            await setup.ExecuteNonQueryAsync();
        }

        if (userId is not null)
        {
            await using var setting = new NpgsqlCommand("SELECT set_config('wayfarer.user_id', $1, true)", connection, transaction);
            setting.Parameters.AddWithValue(userId);
            await setting.ExecuteNonQueryAsync();
        }

        var rows = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }
        }

        await transaction.RollbackAsync();
        return rows;
    }
}
