using System.Text.Json;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Audit;

/// <summary>Appends to <c>audit_log</c>. Entries name users only by id (never e-mail or names), and erasure nulls those
/// ids, so the entries outlive the user without personal data.</summary>
internal sealed class AuditLog(Database database, IHttpContextAccessor http)
{
    public Task WriteAsync(string action, string? actorId, string? targetUserId = null, string? subject = null, object? details = null,
        CancellationToken ct = default) =>
        database.AsServiceAsync(async (c, t) =>
        {
            await using var insert = Database.Command(c, t, """
                INSERT INTO audit_log (service_id, action, actor_id, target_user_id, subject, client_ip, details)
                VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)
                """,
                database.ServiceId, action, actorId, targetUserId, subject,
                http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
                JsonSerializer.Serialize(details ?? new { }));
            return await insert.ExecuteNonQueryAsync(ct);
        }, ct);
}
