using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Agents.Models;
using Wayfarer.Grains.Ledger;
using Wayfarer.Grains.Users;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Reminders;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

namespace Wayfarer.Agents.Tests.Support;

/// <summary>Silos hosting the domain grains, the ledgers and the agents on a fresh, migrated PostgreSQL database, with a
/// scripted model (used only when a test configures a platform key) and one-second reminders.</summary>
internal sealed class AgentCluster : IAsyncDisposable
{
    private AgentCluster(TestCluster cluster, string connectionString, ScriptedChatFactory chat)
    {
        Cluster = cluster;
        ConnectionString = connectionString;
        Chat = chat;
    }

    public TestCluster Cluster { get; }

    public string ConnectionString { get; }

    public ScriptedChatFactory Chat { get; }

    public IGrainFactory Grains => Cluster.GrainFactory;

    public string ServiceId => Cluster.ServiceId;

    public static async Task<AgentCluster> StartAsync(
        PostgresFixture postgres,
        bool withModel = false,
        int silos = 1,
        IReadOnlyDictionary<string, string?>? settings = null,
        string? connectionString = null,
        string? serviceId = null)
    {
        if (connectionString is null)
        {
            connectionString = await postgres.CreateDatabaseAsync("agents");
            await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
        }

        var chat = new ScriptedChatFactory();
        var builder = TestCluster.CreateBuilder();
        builder.InitialSilosCount = silos;
        builder.Clustered = silos > 1;
        if (serviceId is not null)
        {
            builder.ServiceId = serviceId;
        }

        builder.WithConfiguration("ConnectionStrings:Postgres", connectionString)
            .WithConfiguration("Wayfarer:Agents:RunWatchdogPeriod", "00:00:01");
        if (withModel)
        {
            builder.WithConfiguration("Wayfarer:Models:Platform:ApiKey", "test-key")
                .WithConfiguration("Wayfarer:Models:Platform:Model", "gpt-4o-mini");
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.WithConfiguration(key, value);
        }

        var cs = connectionString;
        builder.ConfigureSilo(silo => silo
                .AddGrainAssembly(typeof(UserGrain).Assembly)
                .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = cs)
                .UsePostgresReminderTable(o => o.ConnectionString = cs)
                .ConfigureReminders(o =>
                {
                    o.MinimumReminderPeriod = TimeSpan.FromSeconds(1);
                    o.RefreshInterval = TimeSpan.FromSeconds(1);
                })
                .AddWayfarerLedger(cs, o =>
                {
                    o.EnableMaintenance = false;
                    o.MetricsInterval = TimeSpan.Zero;
                    o.OutboxReminderPeriod = TimeSpan.FromSeconds(1);
                })
                .AddWayfarerAgents())
            .ConfigureServices(services => services.AddSingleton<IChatClientFactory>(chat));
        var cluster = builder.Build();
        await cluster.StartAsync();
        return new AgentCluster(cluster, connectionString, chat);
    }

    /// <summary>Creates a plan owned by <paramref name="userId"/> and a session on it; returns (planId, sessionId).</summary>
    public async Task<(string PlanId, string SessionId)> PlanAndSessionAsync(string userId, PlanContent content)
    {
        var planId = Guid.NewGuid().ToString("N");
        var created = await Grains.GetGrain<IPlanGrain>(planId).Create(userId, content);
        Assert.Equal(PlanOutcome.Ok, created.Outcome);
        var sessionId = Guid.NewGuid().ToString("N");
        Assert.Equal(SessionOutcome.Ok, (await Grains.GetGrain<IAgentSessionGrain>(sessionId).Start(userId, planId)).Outcome);
        return (planId, sessionId);
    }

    /// <summary>Submits and waits for the run to end.</summary>
    public async Task<RunView> RunAsync(string sessionId, RunRequest request)
    {
        var submitted = await Grains.GetGrain<IOrchestratorGrain>(sessionId).Submit(request);
        Assert.True(submitted.Outcome is SubmitOutcome.Started or SubmitOutcome.Queued, $"{submitted.Outcome}: {submitted.Message}");
        return await WaitAsync(sessionId, request.UserId, submitted.RunId);
    }

    public async Task<RunView> WaitAsync(string sessionId, string userId, Guid runId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var events = new List<RunEvent>();
        while (true)
        {
            var view = await Grains.GetGrain<IOrchestratorGrain>(sessionId).Watch(userId, runId, events.Count == 0 ? 0 : events[^1].Sequence, TimeSpan.FromSeconds(5));
            Assert.NotNull(view);
            events.AddRange(view.Events);
            if (view.Status.IsTerminal())
            {
                return view with { Events = events };
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} still {view.Status} after the timeout; events: {string.Join(", ", events.Select(e => e.Type))}");
        }
    }

    public static void AssertSucceeded(RunView run) =>
        Assert.True(run.Status == RunStatus.Succeeded, $"run {run.Status}: {run.ErrorCode} {run.Error}; events: {string.Join(", ", run.Events.Select(e => e.Type + (e.Type.Contains("fail", StringComparison.Ordinal) || e.Type == "tool_called" ? e.Data : string.Empty)))}");

    public async Task FlushLedgerAsync()
    {
        foreach (var silo in Cluster.Silos)
        {
            await silo.GetRequiredService<ILedgerWriter>().FlushAsync();
        }
    }

    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<string>> StringsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var list = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.IsDBNull(0) ? string.Empty : reader.GetValue(0).ToString()!);
        }

        return list;
    }

    public static PlanContent Plan(IReadOnlyList<string> destinations, DateOnly? start, int days, int travelers = 2, decimal? budget = null, string currency = "EUR",
        IReadOnlyList<string>? interests = null) =>
        new("Test trip", null, destinations, start, start?.AddDays(days - 1), travelers, budget is null ? null : new PlanBudget(budget.Value, currency),
            new TravelPreferences(BudgetLevel.Moderate, TravelPace.Balanced, interests ?? [], [], MobilityLevel.Full, []), PlanStatus.Draft, Itinerary.Empty);

    public ValueTask DisposeAsync() => Cluster.DisposeAsync();
}
