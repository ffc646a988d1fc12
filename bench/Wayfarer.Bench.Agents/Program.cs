// Offline "generate" runs through the agents, end to end: orchestrator steps with checkpoints in PostgreSQL, the
// location, planning, transport, activity and budget grains, validation, a saved plan version, the reply, and every
// ledger row. Usage: dotnet run -c Release -- [--runs N] [--concurrency C] [--pg <connection string>]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wayfarer.GrainInterfaces.Plans;
using Wayfarer.GrainInterfaces.Sessions;
using Wayfarer.GrainInterfaces.Users;
using Wayfarer.Grains.Agents;
using Wayfarer.Grains.Ledger;
using Wayfarer.Grains.Users;
using Wayfarer.Runtime;
using Wayfarer.Runtime.Hosting;
using Wayfarer.Runtime.Postgres;
using Wayfarer.Runtime.Testing;
using Wayfarer.Testing;

var runs = Argument("--runs", 300);
var concurrency = Argument("--concurrency", 8);
var external = args.SkipWhile(a => a != "--pg").Skip(1).FirstOrDefault();

await using var server = external is null ? await PostgresServer.StartLocalAsync() : null;
var admin = external ?? server!.ConnectionString;
await using (var connection = new NpgsqlConnection(admin))
{
    // Durable commits, as in production (the test server turns them off for speed).
    await connection.OpenAsync();
    foreach (var sql in new[] { "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on", "SELECT pg_reload_conf()" })
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

var connectionString = server is null ? admin : await server.CreateDatabaseAsync("agentbench");
await new PostgresMigrator(new PostgresMigrationOptions { ConnectionString = connectionString }).MigrateAsync();
var builder = TestCluster.CreateBuilder();
builder.WithConfiguration("ConnectionStrings:Postgres", connectionString).WithConfiguration("Logging:LogLevel:Default", "Warning");
builder.ConfigureSilo(silo => silo
    .AddGrainAssembly(typeof(UserGrain).Assembly)
    .AddPostgresGrainStorageAsDefault(o => o.ConnectionString = connectionString)
    .UsePostgresReminderTable(o => o.ConnectionString = connectionString)
    .AddWayfarerLedger(connectionString, o => o.EnableMaintenance = false)
    .AddWayfarerAgents());
await using var cluster = builder.Build();
await cluster.StartAsync();
var grains = cluster.GrainFactory;

async Task<double> GenerateAsync(int i)
{
    var user = $"bench-{i % 50}";
    var planId = Guid.NewGuid().ToString("N");
    var sessionId = Guid.NewGuid().ToString("N");
    var start = new DateOnly(2027, 5, 3).AddDays(i % 60);
    var content = new PlanContent("Bench", null, ["Paris", "Rome"], start, start.AddDays(4), 2, new PlanBudget(6000, "EUR"),
        new TravelPreferences(BudgetLevel.Moderate, TravelPace.Balanced, ["art", "food"], [], MobilityLevel.Full, []), PlanStatus.Draft, Itinerary.Empty);
    await grains.GetGrain<IPlanGrain>(planId).Create(user, content);
    await grains.GetGrain<IAgentSessionGrain>(sessionId).Start(user, planId);
    var timer = Stopwatch.StartNew();
    var orchestrator = grains.GetGrain<IOrchestratorGrain>(sessionId);
    var submitted = await orchestrator.Submit(new RunRequest(user, "Generate", RunKind.Generate, DoubleTextPolicy.Reject, RunMode.Offline));
    var after = 0;
    while (true)
    {
        var view = (await orchestrator.Watch(user, submitted.RunId, after, TimeSpan.FromSeconds(10)))!;
        after = view.Events.Count > 0 ? view.Events[^1].Sequence : after;
        if (view.Status.IsTerminal())
        {
            if (view.Status != RunStatus.Succeeded)
            {
                throw new InvalidOperationException($"run {view.RunId} {view.Status}: {view.Error}");
            }

            return timer.Elapsed.TotalMilliseconds;
        }
    }
}

for (var i = 0; i < 20; i++)
{
    await GenerateAsync(-1 - i);
}

Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}; durable PostgreSQL on loopback; one silo in-process");
foreach (var level in new[] { 1, concurrency })
{
    var latencies = new List<double>();
    var next = -1;
    var wall = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, level).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) is var i && i < runs)
        {
            var ms = await GenerateAsync(i);
            lock (latencies)
            {
                latencies.Add(ms);
            }
        }
    }));
    wall.Stop();
    latencies.Sort();
    double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"concurrency {level,2}: {runs} runs in {wall.Elapsed.TotalSeconds:0.0} s = {runs / wall.Elapsed.TotalSeconds:0.0} runs/s; latency p50 {P(0.50):0.0} ms, p95 {P(0.95):0.0} ms, p99 {P(0.99):0.0} ms"));
}

await cluster.ServiceProvider.GetRequiredService<ILedgerWriter>().FlushAsync();
await using (var connection = new NpgsqlConnection(connectionString))
{
    await connection.OpenAsync();
    foreach (var table in new[] { "agent_runs", "agent_tasks", "agent_executions", "tool_calls", "agent_communications" })
    {
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        Console.WriteLine($"{table}: {await count.ExecuteScalarAsync()} rows");
    }
}

int Argument(string name, int fallback) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
