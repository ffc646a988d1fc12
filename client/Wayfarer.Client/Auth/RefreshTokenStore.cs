using System.Security.Cryptography;
using System.Buffers.Text;
using Microsoft.Extensions.Options;
using Wayfarer.Client.Infrastructure;

namespace Wayfarer.Client.Auth;

/// <summary>Durable refresh tokens in PostgreSQL (table <c>refresh_tokens</c>): only SHA-256 hashes are stored. A family
/// is one login; each refresh uses its token up and issues the next; presenting a used token revokes the family.</summary>
internal sealed class RefreshTokenStore(Database database, IOptions<AuthOptions> options, TimeProvider time)
{
    public async Task<string> IssueAsync(string userId, Guid familyId, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var expires = time.GetUtcNow() + options.Value.RefreshTokenLifetime;
        await database.AsServiceAsync(async (c, t) =>
        {
            await using var insert = Database.Command(c, t,
                "INSERT INTO refresh_tokens (token_hash, service_id, user_id, family_id, expires_at) VALUES ($1, $2, $3, $4, $5)",
                Hash(token), database.ServiceId, userId, familyId, expires);
            return await insert.ExecuteNonQueryAsync(ct);
        }, ct);
        return token;
    }

    /// <summary>Uses a token up. Returns the user and family when it was valid; null otherwise, having revoked the family
    /// when the token had been used before (a sign that it was stolen).</summary>
    public Task<(string UserId, Guid FamilyId, bool Reused)?> UseAsync(string token, CancellationToken ct) =>
        database.AsServiceAsync<(string, Guid, bool)?>(async (c, t) =>
        {
            var hash = Hash(token);
            await using (var use = Database.Command(c, t, """
                UPDATE refresh_tokens SET used_at = now()
                WHERE token_hash = $1 AND service_id = $2 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
                RETURNING user_id, family_id
                """, hash, database.ServiceId))
            await using (var reader = await use.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                {
                    return (reader.GetString(0), reader.GetGuid(1), false);
                }
            }

            await using var revoke = Database.Command(c, t, """
                UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now())
                WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND service_id = $2 AND used_at IS NOT NULL)
                RETURNING user_id, family_id
                """, hash, database.ServiceId);
            await using var revoked = await revoke.ExecuteReaderAsync(ct);
            return await revoked.ReadAsync(ct) ? (revoked.GetString(0), revoked.GetGuid(1), true) : null;
        }, ct);

    public Task<int> RevokeFamilyAsync(Guid familyId, CancellationToken ct) =>
        database.AsServiceAsync(async (c, t) =>
        {
            await using var revoke = Database.Command(c, t,
                "UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND service_id = $2 AND revoked_at IS NULL",
                familyId, database.ServiceId);
            return await revoke.ExecuteNonQueryAsync(ct);
        }, ct);

    private static byte[] Hash(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
