using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Users;

/// <summary>The SQL side of a user's data: sessions, audit entries, tokens (for export and erasure).</summary>
internal sealed class UserData(Database database)
{
    public Task<List<string>> SessionIdsAsync(string userId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var query = Database.Command(c, t, "SELECT id FROM user_sessions WHERE service_id = $1 AND user_id = $2 ORDER BY id", database.ServiceId, userId);
            return await Database.ReadStringsAsync(query, ct);
        }, ct);

    public Task<List<object>> AuditEntriesAsync(string userId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var query = Database.Command(c, t,
                "SELECT at, action, subject FROM audit_log WHERE service_id = $1 AND actor_id = $2 ORDER BY id", database.ServiceId, userId);
            var entries = new List<object>();
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                entries.Add(new { at = reader.GetFieldValue<DateTimeOffset>(0), action = reader.GetString(1), subject = reader.IsDBNull(2) ? null : reader.GetString(2) });
            }

            return entries;
        }, ct);

    /// <summary>The user's login sessions (refresh-token families) that are still live.</summary>
    public Task<List<Guid>> LiveSessionsAsync(string userId, CancellationToken ct) =>
        database.AsServiceAsync(async (c, t) =>
        {
            await using var query = Database.Command(c, t,
                "SELECT DISTINCT family_id FROM refresh_tokens WHERE service_id = $1 AND user_id = $2 AND revoked_at IS NULL", database.ServiceId, userId);
            var sessions = new List<Guid>();
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                sessions.Add(reader.GetGuid(0));
            }

            return sessions;
        }, ct);

    /// <summary>Removes the user's tokens and grain tombstones, and strips the user's id and IP from audit entries.</summary>
    public Task<int> PurgeAsync(string userId, IReadOnlyCollection<string> erasedGrainKeys, CancellationToken ct) =>
        database.AsServiceAsync(async (c, t) =>
        {
            var changed = 0;
            foreach (var sql in UserStatements)
            {
                await using var command = Database.Command(c, t, sql, database.ServiceId, userId);
                changed += await command.ExecuteNonQueryAsync(ct);
            }

            await using var tombstones = Database.Command(c, t, """
                DELETE FROM grain_state WHERE service_id = $1 AND payload IS NULL
                  AND ((grain_type = 'user' AND grain_key = $2) OR (grain_type IN ('plan', 'session') AND grain_key = ANY($3::text[])))
                """, database.ServiceId, userId, erasedGrainKeys.ToArray());
            return changed + await tombstones.ExecuteNonQueryAsync(ct);
        }, ct);

    private static readonly string[] UserStatements =
    [
        "DELETE FROM refresh_tokens WHERE service_id = $1 AND user_id = $2",
        "UPDATE audit_log SET actor_id = NULL, client_ip = NULL WHERE service_id = $1 AND actor_id = $2",
        "UPDATE audit_log SET target_user_id = NULL WHERE service_id = $1 AND target_user_id = $2",
    ];
}
