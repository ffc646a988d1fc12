using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Wayfarer.Grains.Ledger;

namespace Wayfarer.Bench.Ledger;

/// <summary>Rows per second through <see cref="LedgerWriter"/>: producers write a mix of every record type (each run
/// written twice, as queued and completed, so upserts are exercised) and the clock stops when <c>FlushAsync</c> has
/// committed them all.</summary>
internal static class WriterBenchmark
{
    private const int RowsPerRun = 11;

    public static async Task RunAsync(DurablePostgres postgres, BenchOptions options, Report report)
    {
        var connectionString = await postgres.CreateDatabaseAsync("ledgerbench");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        using var instruments = new Instruments("ledger");
        var ledgerOptions = new LedgerOptions();
        using var telemetry = new LedgerTelemetry();
        var writer = new LedgerWriter(dataSource, "bench", ledgerOptions, telemetry, TimeProvider.System, NullLogger<LedgerWriter>.Instance);
        await using (writer)
        {
            // Warm-up: connections, prepared statements, JIT.
            await ProduceAsync(writer, 0, 50, DateTimeOffset.UtcNow);
            await writer.FlushAsync();

            var runs = options.Rows / RowsPerRun;
            var perProducer = runs / options.Producers;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var now = DateTimeOffset.UtcNow;
            await Task.WhenAll(Enumerable.Range(0, options.Producers).Select(p => Task.Run(() => ProduceAsync(writer, p + 1, perProducer, now))));
            await writer.FlushAsync();
            var elapsed = Stopwatch.GetElapsedTime(started);
            var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var rows = perProducer * options.Producers * RowsPerRun;
            var stored = await CountAsync(connectionString);
            var flush = instruments.SortedFlushMs();
            report.Section("LedgerWriter: mixed ledger rows", string.Create(CultureInfo.InvariantCulture, $"""
                {options.Producers} producers wrote {rows:N0} rows ({rows / RowsPerRun:N0} runs × {RowsPerRun}: run queued + run completed (upsert), 2 tasks, 2 executions with jsonb config, 2 tool calls, 1 agent message, 1 cost, 1 metric, plus a notification every 10th run) with default options (batch 500 rows / 100 ms, one `INSERT … SELECT FROM unnest(…)` per table per batch, one transaction per batch).

                | rows written | wall time | rows/s | batches | mean rows/batch | max | commit p50 | commit p99 | client CPU |
                |---:|---:|---:|---:|---:|---:|---:|---:|---:|
                | {rows:N0} | {elapsed.TotalSeconds:0.00} s | **{rows / elapsed.TotalSeconds:N0}** | {instruments.Batches:N0} | {instruments.MeanBatch:0} | {instruments.MaxBatch} | {Report.Percentile(flush, 50):0.0} ms | {Report.Percentile(flush, 99):0.0} ms | {cpuUsed.TotalSeconds:0.0} s |

                Rows in the tables afterwards: {stored:N0}; expected {((long)perProducer * options.Producers + 50) * (RowsPerRun - 1):N0} (each run's two writes upsert one row; 50 warm-up runs included).
                """));
        }
    }

    private static async Task ProduceAsync(LedgerWriter writer, int producer, int runs, DateTimeOffset now)
    {
        for (var i = 0; i < runs; i++)
        {
            var user = $"user-{(producer * 7919 + i) % 5000}";
            var plan = $"plan-{i % 1000}";
            var runId = Guid.CreateVersion7();
            var at = now.AddMilliseconds(i);
            await writer.WriteAsync(new AgentRunRecord(runId, "session", user, plan, "queued", "online", "Plan a week in Lisbon with tiles and food", null, null, 0, 0, 0m, 1, null, at, null));
            for (var t = 0; t < 2; t++)
            {
                var execution = Guid.CreateVersion7();
                await writer.WriteAsync(new AgentTaskRecord(Guid.CreateVersion7(), runId, user, t, "step", "location", "completed", "{}", "[]", null, at, at));
                await writer.WriteAsync(new AgentExecutionRecord(execution, runId, user, plan, "location", "1.0.0", """{"temperature":0.2,"maxTokens":800}""",
                    "openai", "gpt-4o-mini", "find places", "ok", 420, 180, 0.00012m, 812.5, "completed", null, at));
                await writer.WriteAsync(new ToolCallRecord(Guid.CreateVersion7(), runId, execution, user, "location", "search_places", """{"q":"azulejo museum"}""", "[3 hits]", "ok", 12.5, at));
            }

            await writer.WriteAsync(new AgentCommunicationRecord(Guid.CreateVersion7(), runId, user, "orchestrator", "location", "FindPlaces", "{}", "{}", 3.2, "ok", null, at));
            await writer.WriteAsync(new SystemMetricRecord("bench", "activations", i, null, at));
            if (i % 10 == 0)
            {
                await writer.WriteAsync(new NotificationRecord(Guid.CreateVersion7(), user, plan, "revalidation", "A museum closed", "Closed on Mondays.", at));
            }
            else
            {
                await writer.WriteAsync(new CostRecord(Guid.CreateVersion7(), user, plan, null, runId, "openai", "gpt-4o-mini", 840, 360, 0.00024m, "chat", at));
            }

            await writer.WriteAsync(new AgentRunRecord(runId, "session", user, plan, "completed", "online", "Plan a week in Lisbon with tiles and food", "Here it is", 2, 840, 360, 0.00024m, 1, null, at, at.AddSeconds(2)));
        }
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM agent_runs) + (SELECT count(*) FROM agent_tasks) + (SELECT count(*) FROM agent_executions)
                 + (SELECT count(*) FROM tool_calls) + (SELECT count(*) FROM agent_communications) + (SELECT count(*) FROM cost_tracking)
                 + (SELECT count(*) FROM system_metrics) + (SELECT count(*) FROM notifications)
            """, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
