using Npgsql;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Costs;

/// <summary>The caller's costs from the <c>cost_by_*</c> views, under the request role: row-level security limits every
/// query to the caller's own rows, whatever else the query says.</summary>
internal sealed class CostQueries(Database database)
{
    public static readonly IReadOnlyList<string> Groupings = ["day", "plan", "agent", "model"];

    public Task<IReadOnlyList<CostGroup>> GroupAsync(string userId, string groupBy, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (view, key, provider, order) = groupBy switch
        {
            "day" => ("cost_by_day", "day::text", "NULL::text", "1"),
            "plan" => ("cost_by_plan", "plan_id", "NULL::text", "3 DESC, 1"),
            "agent" => ("cost_by_agent", "agent", "NULL::text", "3 DESC, 1"),
            "model" => ("cost_by_model", "model", "provider", "3 DESC, 1, 2"),
            _ => throw new ArgumentOutOfRangeException(nameof(groupBy), groupBy, "Unknown grouping."),
        };
        return database.AsUserAsync(userId, async (c, t) =>
        {
            await using var query = Database.Command(c, t, $"""
                SELECT {key}, {provider}, sum(cost_usd), sum(prompt_tokens)::bigint, sum(completion_tokens)::bigint, sum(calls)::bigint
                FROM {view}
                WHERE service_id = $1 AND user_id = $2 AND day BETWEEN $3 AND $4
                GROUP BY 1, 2
                ORDER BY {order}
                """, database.ServiceId, userId, from, to);
            return await ReadAsync(query, ct);
        }, ct);
    }

    /// <summary>The caller's costs on one plan: by model and by agent.</summary>
    public Task<(IReadOnlyList<CostGroup> ByModel, IReadOnlyList<CostGroup> ByAgent)> PlanAsync(string userId, string planId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var models = Database.Command(c, t, """
                SELECT model, provider, sum(cost_usd), sum(prompt_tokens)::bigint, sum(completion_tokens)::bigint, count(*)
                FROM cost_tracking
                WHERE service_id = $1 AND user_id = $2 AND plan_id = $3
                GROUP BY 1, 2
                ORDER BY 3 DESC, 1, 2
                """, database.ServiceId, userId, planId);
            var byModel = await ReadAsync(models, ct);
            await using var agents = Database.Command(c, t, """
                SELECT coalesce(e.agent_type, c.category), NULL::text, sum(c.cost_usd), sum(c.prompt_tokens)::bigint, sum(c.completion_tokens)::bigint, count(*)
                FROM cost_tracking c
                LEFT JOIN agent_executions e ON e.execution_id = c.execution_id AND e.service_id = c.service_id
                WHERE c.service_id = $1 AND c.user_id = $2 AND c.plan_id = $3
                GROUP BY 1
                ORDER BY 3 DESC, 1
                """, database.ServiceId, userId, planId);
            var byAgent = await ReadAsync(agents, ct);
            return (byModel, byAgent);
        }, ct);

    private static async Task<IReadOnlyList<CostGroup>> ReadAsync(NpgsqlCommand query, CancellationToken ct)
    {
        var groups = new List<CostGroup>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            groups.Add(new CostGroup(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.GetDecimal(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        }

        return groups;
    }
}
