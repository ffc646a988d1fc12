using Wayfarer.Client.Infrastructure;
using Wayfarer.GrainInterfaces.Plans;

namespace Wayfarer.Client.Plans;

/// <summary>Plan listings from the <c>travel_plans</c> view, under the request role (row-level security limits rows to
/// plans the user owns or is shared on). Keys are version-7 UUIDs, so key order is creation order; pages go newest
/// first with the last key as the cursor.</summary>
internal sealed class PlanQueries(Database database)
{
    public Task<Page<PlanSummary>> ListAsync(string userId, bool shared, string? after, int limit, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            var filter = shared ? "shares ? $2" : "owner_id = $2";
            await using var query = Database.Command(c, t, $"""
                SELECT id, title, start_date, end_date, status, version, owner_id, shares->$2->>'role', updated_at
                FROM travel_plans
                WHERE service_id = $1 AND {filter} AND ($3::text IS NULL OR id < $3::text)
                ORDER BY id DESC
                LIMIT $4
                """, database.ServiceId, userId, after, limit + 1);
            var items = new List<PlanSummary>();
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var role = reader.IsDBNull(7) ? PlanRole.Owner : Enum.Parse<PlanRole>(reader.GetString(7), ignoreCase: true);
                items.Add(new PlanSummary(
                    reader.GetString(0), reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
                    reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                    reader.GetString(4), reader.GetInt32(5), reader.GetString(6), role, reader.GetFieldValue<DateTimeOffset>(8)));
            }

            var more = items.Count > limit;
            var page = more ? items[..limit] : items;
            return new Page<PlanSummary>(page, more ? Cursor.Encode(page[^1].Id) : null);
        }, ct);

    /// <summary>Ids of the plans a user owns (for export and erasure).</summary>
    public Task<List<string>> OwnedIdsAsync(string userId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var query = Database.Command(c, t, "SELECT id FROM travel_plans WHERE service_id = $1 AND owner_id = $2 ORDER BY id", database.ServiceId, userId);
            return await Database.ReadStringsAsync(query, ct);
        }, ct);

    /// <summary>Ids of every plan whose state mentions the user anywhere (shares, history authors), for erasure.</summary>
    public Task<List<string>> MentioningAsync(string userId, CancellationToken ct) =>
        database.AsServiceAsync(async (c, t) =>
        {
            await using var query = Database.Command(c, t, """
                SELECT grain_key FROM grain_state
                WHERE service_id = $1 AND grain_type = 'plan' AND state_name = 'plan' AND payload IS NOT NULL AND strpos(payload::text, $2) > 0
                """, database.ServiceId, userId);
            return await Database.ReadStringsAsync(query, ct);
        }, ct);
}
