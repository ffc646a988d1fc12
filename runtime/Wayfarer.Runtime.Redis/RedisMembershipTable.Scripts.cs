namespace Wayfarer.Runtime.Redis;

/// <content>The Lua scripts. Each runs atomically on the server. KEYS[1] is always the table's hash; the field
/// <c>version</c> holds <c>{number}:{etag}</c> and an absent field reads as <c>0:0</c>.</content>
public sealed partial class RedisMembershipTable
{
    /// <summary>Creates version 0 only when absent. ARGV: 1 expiry in ms (0 = none). Returns 1 when created.</summary>
    private const string InitializeScript = """
        local created = redis.call('HSETNX', KEYS[1], 'version', '0:0')
        if created == 1 and tonumber(ARGV[1]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return created
        """;

    /// <summary>ARGV: 1 silo field, 2 expected current version, 3 new version, 4 row, 5 heartbeat field, 6 expiry ms.
    /// Returns 1 inserted, 0 version moved on, -1 the silo already has a row.</summary>
    private const string InsertScript = """
        local current = redis.call('HGET', KEYS[1], 'version') or '0:0'
        if current ~= ARGV[2] then return 0 end
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return -1 end
        redis.call('HSET', KEYS[1], 'version', ARGV[3], ARGV[1], ARGV[4])
        redis.call('HDEL', KEYS[1], ARGV[5])
        if tonumber(ARGV[6]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[6]) end
        return 1
        """;

    /// <summary>ARGV: 1 silo field, 2 expected current version, 3 new version, 4 row, 5 expected row ETag, 6 expiry ms.
    /// Returns 1 updated, 0 version moved on, -1 no such row, -2 row ETag changed.</summary>
    private const string UpdateScript = """
        local current = redis.call('HGET', KEYS[1], 'version') or '0:0'
        if current ~= ARGV[2] then return 0 end
        local row = redis.call('HGET', KEYS[1], ARGV[1])
        if not row then return -1 end
        if cjson.decode(row)['etag'] ~= ARGV[5] then return -2 end
        redis.call('HSET', KEYS[1], 'version', ARGV[3], ARGV[1], ARGV[4])
        if tonumber(ARGV[6]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[6]) end
        return 1
        """;

    /// <summary>ARGV: 1 silo field, 2 heartbeat field, 3 time, 4 expiry ms. Returns 1 written, 0 no such row.</summary>
    private const string HeartbeatScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], ARGV[2], ARGV[3])
        if tonumber(ARGV[4]) > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return 1
        """;

    /// <summary>ARGV: groups of 4 (silo field, row as read, heartbeat field, heartbeat as read or '' when none).
    /// Deletes each row and its heartbeat only if both are still as read. Returns the number of rows deleted.</summary>
    private const string CleanupScript = """
        local removed = 0
        for i = 1, #ARGV, 4 do
          local row = redis.call('HGET', KEYS[1], ARGV[i])
          local heartbeat = redis.call('HGET', KEYS[1], ARGV[i + 2]) or ''
          if row == ARGV[i + 1] and heartbeat == ARGV[i + 3] then
            redis.call('HDEL', KEYS[1], ARGV[i], ARGV[i + 2])
            removed = removed + 1
          end
        end
        return removed
        """;
}
