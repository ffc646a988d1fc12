using System.Globalization;
using Npgsql;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Runs;

/// <summary>Runs and their parts, read under the request role: row-level security returns only the caller's rows, so
/// another user's run is simply not found.</summary>
internal sealed class RunQueries(Database database)
{
    private const string RunColumns = """
        run_id, session_id, plan_id, status, mode, message, reply, plan_version, prompt_tokens, completion_tokens, cost_usd,
        attempt, error, started_at, finished_at
        """;

    public Task<RunDetail?> GetAsync(string userId, Guid runId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            RunSummary? run = null;
            await using (var query = Database.Command(c, t, $"SELECT {RunColumns} FROM agent_runs WHERE service_id = $1 AND run_id = $2 AND user_id = $3 ORDER BY started_at DESC LIMIT 1",
                database.ServiceId, runId, userId))
            await using (var reader = await query.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    run = ReadRun(reader);
                }
            }

            if (run is null)
            {
                return null;
            }

            var tasks = await ListAsync(c, t, """
                SELECT task_id, sequence, name, agent, status, input, output, error, started_at, finished_at
                FROM agent_tasks WHERE service_id = $1 AND run_id = $2 ORDER BY sequence, started_at
                """, runId, r => new RunTask(r.GetGuid(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), Text(r, 6), Text(r, 7),
                    r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9)), ct);
            var executions = await ListAsync(c, t, """
                SELECT execution_id, agent_type, agent_version, provider, model, task, result, prompt_tokens, completion_tokens, cost_usd, duration_ms, status, error, started_at
                FROM agent_executions WHERE service_id = $1 AND run_id = $2 ORDER BY started_at, execution_id
                """, runId, r => new RunExecution(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), r.GetString(5), Text(r, 6),
                    r.GetInt32(7), r.GetInt32(8), r.GetDecimal(9), r.GetDouble(10), r.GetString(11), Text(r, 12), r.GetFieldValue<DateTimeOffset>(13)), ct);
            var toolCalls = await ListAsync(c, t, """
                SELECT id, execution_id, agent_type, tool_name, arguments, result, status, duration_ms, at
                FROM tool_calls WHERE service_id = $1 AND run_id = $2 ORDER BY at, id
                """, runId, r => new RunToolCall(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetGuid(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5),
                    r.GetString(6), r.GetDouble(7), r.GetFieldValue<DateTimeOffset>(8)), ct);
            var messages = await ListAsync(c, t, """
                SELECT id, from_agent, to_agent, message_type, payload, response, latency_ms, status, error, at
                FROM agent_communications WHERE service_id = $1 AND run_id = $2 ORDER BY at, id
                """, runId, r => new RunMessage(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), Text(r, 5), r.GetDouble(6),
                    r.GetString(7), Text(r, 8), r.GetFieldValue<DateTimeOffset>(9)), ct);
            var costs = await ListAsync(c, t, """
                SELECT coalesce(sum(cost_usd), 0), coalesce(sum(prompt_tokens), 0)::bigint, coalesce(sum(completion_tokens), 0)::bigint, count(*)
                FROM cost_tracking WHERE service_id = $1 AND run_id = $2
                """, runId, r => new RunCosts(r.GetDecimal(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3)), ct);
            return new RunDetail(run, tasks, executions, toolCalls, messages, costs[0]);
        }, ct);

    /// <summary>The caller's runs on a plan, newest first; the cursor is the last run's start time and id.</summary>
    public Task<Page<RunSummary>> ListForPlanAsync(string userId, string planId, (DateTimeOffset StartedAt, Guid RunId)? after, int limit, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var query = Database.Command(c, t, $"""
                SELECT {RunColumns} FROM agent_runs
                WHERE service_id = $1 AND plan_id = $2 AND user_id = $3
                  AND ($4::timestamptz IS NULL OR (started_at, run_id) < ($4::timestamptz, $5::uuid))
                ORDER BY started_at DESC, run_id DESC
                LIMIT $6
                """, database.ServiceId, planId, userId, after?.StartedAt, after?.RunId, limit + 1);
            var items = new List<RunSummary>();
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                items.Add(ReadRun(reader));
            }

            var more = items.Count > limit;
            var page = more ? items[..limit] : items;
            return new Page<RunSummary>(page, more ? EncodeCursor(page[^1]) : null);
        }, ct);

    public static string EncodeCursor(RunSummary run) =>
        Cursor.Encode(string.Create(CultureInfo.InvariantCulture, $"{run.StartedAt.UtcTicks}:{run.Id:N}"));

    public static bool TryDecodeCursor(string? key, out (DateTimeOffset StartedAt, Guid RunId)? after)
    {
        after = null;
        if (key is null)
        {
            return true;
        }

        var parts = key.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        after = (new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }

    private static RunSummary ReadRun(NpgsqlDataReader r) => new(
        r.GetGuid(0), r.GetString(1), Text(r, 2), r.GetString(3), r.GetString(4), r.GetString(5), Text(r, 6),
        r.IsDBNull(7) ? null : r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetDecimal(10), r.GetInt32(11), Text(r, 12),
        r.GetFieldValue<DateTimeOffset>(13), r.IsDBNull(14) ? null : r.GetFieldValue<DateTimeOffset>(14));

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private async Task<List<T>> ListAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Guid runId,
        Func<NpgsqlDataReader, T> read, CancellationToken ct)
    {
        await using var query = Database.Command(connection, transaction, sql, database.ServiceId, runId);
        var items = new List<T>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(read(reader));
        }

        return items;
    }
}
