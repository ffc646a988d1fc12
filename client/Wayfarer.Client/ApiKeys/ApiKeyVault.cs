using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using Wayfarer.Client.Auth;
using Wayfarer.Client.Infrastructure;
using Wayfarer.Grains.Security;

namespace Wayfarer.Client.ApiKeys;

/// <summary>Bring-your-own API keys: each encrypted with AES-GCM under the user's own data key, which is itself wrapped
/// by the master key. All SQL runs under the request role, so row-level security confines it to the user. Deleting the
/// data key (erasure) leaves nothing that can be decrypted.</summary>
internal sealed class ApiKeyVault(Database database, IOptions<AuthOptions> options)
{
    private readonly byte[] _masterKey = Convert.FromBase64String(options.Value.MasterKey);

    public Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string userId, CancellationToken ct) =>
        database.AsUserAsync<IReadOnlyList<ApiKeyInfo>>(userId, async (c, t) =>
        {
            await using var list = Database.Command(c, t,
                "SELECT provider, masked, created_at, updated_at FROM user_api_keys WHERE service_id = $1 AND user_id = $2 ORDER BY provider",
                database.ServiceId, userId);
            var keys = new List<ApiKeyInfo>();
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                keys.Add(new ApiKeyInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
            }

            return keys;
        }, ct);

    public Task<ApiKeyInfo> StoreAsync(string userId, string service, string apiKey, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            var dataKey = await GetOrCreateDataKeyAsync(c, t, userId, ct);
            var sealedKey = KeyWrapping.Seal(dataKey, Encoding.UTF8.GetBytes(apiKey), $"api-key:{userId}:{service}");
            CryptographicOperations.ZeroMemory(dataKey);
            var masked = "****" + apiKey[^Math.Min(4, apiKey.Length / 4)..];
            await using var upsert = Database.Command(c, t, """
                INSERT INTO user_api_keys (service_id, user_id, provider, sealed_key, masked) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (service_id, user_id, provider) DO UPDATE SET sealed_key = excluded.sealed_key, masked = excluded.masked, updated_at = now()
                RETURNING created_at, updated_at
                """, database.ServiceId, userId, service, sealedKey, masked);
            await using var reader = await upsert.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new ApiKeyInfo(service, masked, reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
        }, ct);

    /// <summary>Decrypts a stored key for use on the user's behalf; null when there is none.</summary>
    public Task<string?> RevealAsync(string userId, string service, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var read = Database.Command(c, t, """
                SELECT d.wrapped_key, k.sealed_key FROM user_api_keys k
                JOIN user_data_keys d ON d.service_id = k.service_id AND d.user_id = k.user_id
                WHERE k.service_id = $1 AND k.user_id = $2 AND k.provider = $3
                """, database.ServiceId, userId, service);
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            var dataKey = KeyWrapping.Open(_masterKey, reader.GetFieldValue<byte[]>(0), $"data-key:{userId}");
            var plaintext = KeyWrapping.Open(dataKey, reader.GetFieldValue<byte[]>(1), $"api-key:{userId}:{service}");
            CryptographicOperations.ZeroMemory(dataKey);
            return Encoding.UTF8.GetString(plaintext);
        }, ct);

    public Task<bool> DeleteAsync(string userId, string service, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var delete = Database.Command(c, t,
                "DELETE FROM user_api_keys WHERE service_id = $1 AND user_id = $2 AND provider = $3", database.ServiceId, userId, service);
            return await delete.ExecuteNonQueryAsync(ct) > 0;
        }, ct);

    /// <summary>Destroys the user's data key (and with it, by cascade, every sealed API key).</summary>
    public Task<int> DestroyDataKeyAsync(string userId, CancellationToken ct) =>
        database.AsUserAsync(userId, async (c, t) =>
        {
            await using var delete = Database.Command(c, t, "DELETE FROM user_data_keys WHERE service_id = $1 AND user_id = $2", database.ServiceId, userId);
            return await delete.ExecuteNonQueryAsync(ct);
        }, ct);

    private async Task<byte[]> GetOrCreateDataKeyAsync(NpgsqlConnection c, NpgsqlTransaction t, string userId, CancellationToken ct)
    {
        var fresh = RandomNumberGenerator.GetBytes(32);
        await using var upsert = Database.Command(c, t, """
            INSERT INTO user_data_keys (service_id, user_id, wrapped_key) VALUES ($1, $2, $3)
            ON CONFLICT (service_id, user_id) DO UPDATE SET wrapped_key = user_data_keys.wrapped_key
            RETURNING wrapped_key
            """, database.ServiceId, userId, KeyWrapping.Seal(_masterKey, fresh, $"data-key:{userId}"));
        CryptographicOperations.ZeroMemory(fresh);
        var wrapped = (byte[])(await upsert.ExecuteScalarAsync(ct))!;
        return KeyWrapping.Open(_masterKey, wrapped, $"data-key:{userId}");
    }
}
